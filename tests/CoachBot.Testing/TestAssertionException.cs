namespace CoachBot.Testing;

/// <summary>A failed expectation of the test harness (reported by xunit like any assertion).</summary>
public sealed class TestAssertionException : Exception
{
    public TestAssertionException()
    {
    }

    public TestAssertionException(string message)
        : base(message)
    {
    }

    public TestAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
