namespace CoachBot.Dialogs.Tests.Support;

/// <summary>The content copied next to the test binary.</summary>
public static class TestContent
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "content");
}
