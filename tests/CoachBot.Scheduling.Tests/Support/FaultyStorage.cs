using CoachBot.Protocol.State;

namespace CoachBot.Scheduling.Tests.Support;

/// <summary>The process "dies" here: thrown by <see cref="FaultyStorage"/> instead of writing.</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Passes everything to a real store, except that the first write matching <see cref="CrashOnWrite"/> throws instead.</summary>
internal sealed class FaultyStorage(IStorage inner) : IStorage
{
    public Func<string, StoreItem, bool>? CrashOnWrite { get; set; }

    public int Crashes { get; private set; }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        if (CrashOnWrite is { } crash && changes.Any(c => crash(c.Key, c.Value)))
        {
            CrashOnWrite = null;
            Crashes++;
            throw new SimulatedCrashException();
        }

        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);
}
