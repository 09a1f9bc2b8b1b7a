using System.Threading.Channels;

namespace CoachBot.Channels.DirectLine;

/// <summary>
/// One open stream of a conversation: frames (ActivitySet JSON) waiting to be sent. A subscriber that falls
/// too far behind is completed, so the client reconnects with its watermark and catches up from history.
/// </summary>
internal sealed class DirectLineSubscriber
{
    private const int Capacity = 256;

    private readonly Channel<byte[]> _frames = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<byte[]> Frames => _frames.Reader;

    /// <summary>Queues a frame; completes the subscriber when it is full.</summary>
    public void Offer(byte[] frame)
    {
        if (!_frames.Writer.TryWrite(frame))
        {
            _frames.Writer.TryComplete();
        }
    }

    public void Complete() => _frames.Writer.TryComplete();
}
