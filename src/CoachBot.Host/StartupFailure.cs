using System.Text;

namespace CoachBot.Host;

/// <summary>Ends a host that could not start with exit code 1 and the reason on stderr.</summary>
internal static class StartupFailure
{
    /// <summary>Exit code of a host that could not start.</summary>
    public const int ExitCode = 1;

    /// <summary>An <see cref="AppDomain.UnhandledException"/> handler for the time before the host has started.</summary>
    public static void Exit(object? sender, UnhandledExceptionEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Console.Error.WriteLine(Describe(e.ExceptionObject as Exception));
        Environment.Exit(ExitCode);
    }

    /// <summary>"CoachBot could not start:" and the message of the exception and of each inner one, a line each.</summary>
    public static string Describe(Exception? exception)
    {
        var text = new StringBuilder("CoachBot could not start:");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Append(text, exception, seen);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Exception? exception, HashSet<string> seen)
    {
        if (exception is null)
        {
            return;
        }

        if (seen.Add(exception.Message))
        {
            text.AppendLine().Append("  ").Append(exception.GetType().Name).Append(": ").Append(exception.Message);
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                Append(text, inner, seen);
            }
        }
        else
        {
            Append(text, exception.InnerException, seen);
        }
    }
}
