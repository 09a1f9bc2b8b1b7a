using System.Buffers.Binary;
using System.IO.Compression;
using CoachBot.Coaching.CheckIns;
using CoachBot.Dialogs.Actions;
using CoachBot.Dialogs.Exercises;
using CoachBot.Dialogs.Tests.Support;
using CoachBot.Protocol.Schema;
using CoachBot.Records;
using CoachBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dialogs.Tests.Cards;

/// <summary>"My progress" on a card channel: a PNG chart made here, in the card, with one sentence of what it shows.</summary>
public sealed class ProgressChartTests
{
    [Fact]
    public void Draw_WritesAPng_WithEachPainScoreWhereTheLineSaysItIs()
    {
        var entries = new[] { Entry(1, pain: 6, sessions: 2), Entry(2, pain: 4, sessions: 4), Entry(3, pain: 3, sessions: 5) };

        var png = ProgressChart.Draw(entries)!;

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var (width, height, pixels) = Decode(png);
        Assert.Equal((ProgressChart.Width, ProgressChart.Height), (width, height));
        var step = (436 - 44) / 3.0;
        for (var i = 0; i < entries.Length; i++)
        {
            var x = 44 + (int)((i + 0.5) * step);
            var y = ProgressChart.PainY(entries[i].Input.PainNow);
            Assert.Equal(ProgressChart.PainColor, Pixel(pixels, width, x, y));
        }

        Assert.True(png.Length < 20_000, $"{png.Length} bytes"); // small enough for a data: URI in a Teams card
        Assert.Null(ProgressChart.Draw([]));
    }

    [Fact]
    public async Task MyProgress_OnACardChannel_ShowsTheChartAndOneSentence()
    {
        await using var chat = CardChat.Create();
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        await chat.SubmitAsync(CardCheckInTests.Calm());

        var replies = await chat.SayAsync("my progress");

        Assert.StartsWith("Here is how you are doing, Sam", replies[0].Text, StringComparison.Ordinal);
        var card = CardChat.CardOf(replies[1])!;
        Assert.Empty(AdaptiveCardRules.Check(card));
        var image = Assert.Single(CardChat.Walk(card), n => n["type"]?.GetValue<string>() == "Image");
        var url = image["url"]!.GetValue<string>();
        Assert.StartsWith(ProgressReport.DataUriPrefix, url, StringComparison.Ordinal);
        var (width, _, _) = Decode(Convert.FromBase64String(url[ProgressReport.DataUriPrefix.Length..]));
        Assert.Equal(ProgressChart.Width, width);
        Assert.Equal("A chart of your pain and your training at each check-in", image["altText"]!.GetValue<string>());
        Assert.Contains("now 2 out of 10), and the bars show how often you trained (5 times", CardChat.TextOf([replies[1]]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyProgress_InTeams_WithAPublicAddress_LinksTheChartOnThisHost_ForADayOnly()
    {
        await using var chat = CardChat.Create(Channels.MsTeams, services => services.Configure<ExerciseMediaOptions>(o => o.PublicBaseUrl = "https://coach.example.org/"));
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        await chat.SubmitAsync(CardCheckInTests.Calm());

        var replies = await chat.SayAsync("my progress");

        var image = Assert.Single(CardChat.Walk(CardChat.CardOf(replies[1])), n => n["type"]?.GetValue<string>() == "Image");
        var url = new Uri(image["url"]!.GetValue<string>());
        Assert.Equal("https://coach.example.org", url.GetLeftPart(UriPartial.Authority));
        var parts = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["charts", ChartLinks.Owner(chat.PatientId)], parts[..2]);
        Assert.DoesNotContain("user-1", url.AbsoluteUri, StringComparison.Ordinal); // the patient id is not in the address
        var token = parts[2][..^".png".Length];
        var storage = chat.Services.GetRequiredService<IStorage>();
        var now = chat.Adapter.Time.GetUtcNow();
        var png = await ChartLinks.FindAsync(storage, parts[1], token, now, CancellationToken.None);
        Assert.Equal(ProgressChart.Width, Decode(png!).Width);
        Assert.Null(await ChartLinks.FindAsync(storage, parts[1], new string('0', 32), now, CancellationToken.None));
        Assert.Null(await ChartLinks.FindAsync(storage, parts[1], token, now + ChartLinks.Lifetime, CancellationToken.None));

        await chat.SayAsync("my progress");
        Assert.Null(await ChartLinks.FindAsync(storage, parts[1], token, now, CancellationToken.None)); // the newer chart replaced it
    }

    [Fact]
    public async Task MyProgress_InTeams_WithoutAPublicAddress_KeepsThePictureInTheCard()
    {
        await using var chat = CardChat.Create(Channels.MsTeams);
        await chat.SeedAsync();
        await chat.SayAsync("check in");
        await chat.SubmitAsync(CardCheckInTests.Calm());

        var replies = await chat.SayAsync("my progress");

        var image = Assert.Single(CardChat.Walk(CardChat.CardOf(replies[1])), n => n["type"]?.GetValue<string>() == "Image");
        Assert.StartsWith(ProgressReport.DataUriPrefix, image["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static CheckInEntry Entry(int sequence, int pain, int sessions) => new()
    {
        PatientId = "p",
        Sequence = sequence,
        RecordedAt = DateTimeOffset.UnixEpoch.AddDays(sequence),
        LocalDate = DateOnly.FromDayNumber(sequence),
        Input = new CheckInInput { PainNow = pain, SessionsCompletedLast2Weeks = sessions },
        Decision = Coaching.Policy.Decision.Hold,
        Escalation = Coaching.Policy.Escalation.None,
        MustMention = [],
        FiredRules = [],
        RuleSetVersion = "test",
    };

    private static (byte, byte, byte) Pixel(byte[] pixels, int width, int x, int y)
    {
        var i = (y * ((width * 3) + 1)) + 1 + (x * 3);
        return (pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    /// <summary>Width, height and the raw scanlines (filter byte first) of an 8-bit truecolour PNG.</summary>
    private static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        var offset = 8;
        int width = 0, height = 0;
        using var data = new MemoryStream();
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var chunk = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(chunk);
                height = BinaryPrimitives.ReadInt32BigEndian(chunk[4..]);
                Assert.Equal(8, chunk[8]);
                Assert.Equal(2, chunk[9]);
            }
            else if (type == "IDAT")
            {
                data.Write(chunk);
            }

            offset += 12 + length;
        }

        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return (width, height, raw.ToArray());
    }
}
