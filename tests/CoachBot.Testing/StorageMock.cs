using CoachBot.Storage;
using Moq;

namespace CoachBot.Testing;

/// <summary>Moq stand-ins for <see cref="IStorage"/>.</summary>
public static class StorageMock
{
    /// <summary>
    /// A mock that passes every call to <paramref name="inner"/>. A test adds a setup for the call it wants to go
    /// wrong (a later setup wins in Moq) and verifies calls with <c>Verify</c>.
    /// </summary>
    public static Mock<IStorage> Over(IStorage inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var mock = new Mock<IStorage>(MockBehavior.Strict);
        mock.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<string> keys, CancellationToken ct) => inner.ReadAsync(keys, ct));
        mock.Setup(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyDictionary<string, StoreItem> changes, CancellationToken ct) => inner.WriteAsync(changes, ct));
        mock.Setup(s => s.DeleteAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<string> keys, CancellationToken ct) => inner.DeleteAsync(keys, ct));
        mock.Setup(s => s.ListKeysAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string prefix, CancellationToken ct) => inner.ListKeysAsync(prefix, ct));
        return mock;
    }

    /// <summary>
    /// Makes the <paramref name="nth"/> write (counting from 1) fail with <paramref name="failure"/> instead of reaching
    /// the store; every other write goes through.
    /// </summary>
    public static Mock<IStorage> FailingWrite(this Mock<IStorage> mock, IStorage inner, int nth, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(mock);
        var writes = 0;
        mock.Setup(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyDictionary<string, StoreItem> changes, CancellationToken ct) =>
                Interlocked.Increment(ref writes) == nth ? Task.FromException<IReadOnlyDictionary<string, string>>(failure) : inner.WriteAsync(changes, ct));
        return mock;
    }

    /// <summary>
    /// Makes the first write holding a change that <paramref name="matches"/> fail with <paramref name="failure"/>
    /// instead of reaching the store (a process that dies at that point); every other write goes through.
    /// </summary>
    public static Mock<IStorage> FailingFirstWrite(this Mock<IStorage> mock, IStorage inner, Func<string, StoreItem, bool> matches, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(mock);
        var failed = 0;
        mock.Setup(s => s.WriteAsync(It.IsAny<IReadOnlyDictionary<string, StoreItem>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyDictionary<string, StoreItem> changes, CancellationToken ct) =>
                changes.Any(c => matches(c.Key, c.Value)) && Interlocked.Exchange(ref failed, 1) == 0
                    ? Task.FromException<IReadOnlyDictionary<string, string>>(failure)
                    : inner.WriteAsync(changes, ct));
        return mock;
    }

    /// <summary>Calls of the mock that ended in an exception of type <typeparamref name="TException"/>.</summary>
    public static int Failures<TException>(this Mock<IStorage> mock)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(mock);
        return mock.Invocations.Count(i => i.Exception is TException || (i.ReturnValue is Task { IsFaulted: true } t && t.Exception?.InnerException is TException));
    }
}
