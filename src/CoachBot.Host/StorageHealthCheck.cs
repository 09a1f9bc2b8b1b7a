using CoachBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Host;

/// <summary>Ready when the configured store answers a read.</summary>
internal sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync(["health/probe"], cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", ex);
        }
    }
}
