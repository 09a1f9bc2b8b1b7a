using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CoachBot.Reliability.Tests.Support;

/// <summary>Keeps every log record at every level, rendered with its state, scopes and exception chain.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            owner._scopes.ForEachScope((scope, builder) => builder.Append(" | scope: ").Append(scope), text);
            for (var e = exception; e is not null; e = e.InnerException)
            {
                text.Append(" | exception: ").Append(e.GetType().Name).Append(' ').Append(e.Message);
            }

            owner.Records.Enqueue(text.ToString());
        }
    }
}
