using Microsoft.Extensions.Options;

namespace CoachBot.Scheduling;

/// <summary>Checks what attributes cannot: quiet hours are given as a pair.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.QuietHoursStart.HasValue != options.QuietHoursEnd.HasValue)
        {
            return ValidateOptionsResult.Fail("Scheduler:QuietHoursStart and Scheduler:QuietHoursEnd must be set together (or both left empty).");
        }

        return ValidateOptionsResult.Success;
    }
}
