namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// An HTTP handler that lets a test decide, per request, whether to pass it to the real server
/// (<c>forward</c>), answer it itself, or both (forward, then drop the real answer).
/// </summary>
public sealed class InterceptingHandler(
    Func<HttpRequestMessage, int, Func<Task<HttpResponseMessage>>, Task<HttpResponseMessage>> intercept)
    : DelegatingHandler(new SocketsHttpHandler())
{
    private int _calls;

    /// <summary>How many requests reached this handler.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Methods and paths seen, in order.</summary>
    public List<string> Seen { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (Seen)
        {
            Seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        }

        return intercept(request, call, () => base.SendAsync(request, cancellationToken));
    }

    public static HttpResponseMessage Status(System.Net.HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };
}
