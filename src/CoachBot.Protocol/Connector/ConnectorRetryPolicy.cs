using System.Net;
using System.Globalization;
using System.Net.Http.Headers;
using CoachBot.Protocol.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CoachBot.Protocol.Connector;

/// <summary>
/// The retry rules for connector calls. POST activities is not idempotent, so only outcomes where the
/// channel certainly did not accept the call are retried: 412 PreconditionFailed, 429 Throttled (honouring
/// <c>Retry-After</c>), 503 ServiceUnavailable and connections that never opened. Other 5xx and timeouts
/// are not retried (a retry could post the message twice); they surface as failed deliveries. Idempotent calls (PUT
/// update activity: a full replacement) also retry 500, 502 and 504.
/// </summary>
internal static class ConnectorRetryPolicy
{
    public static ResiliencePipeline<HttpResponseMessage> Create(ConnectorOptions options, TimeProvider timeProvider, ILogger logger, BotMetrics? metrics = null, bool idempotent = false)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter, timeProvider, idempotent)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? GetRetryAfter(response.Headers.RetryAfter, timeProvider) : null),
            OnRetry = args =>
            {
                logger.LogWarning(
                    "Connector call answered {Status}; retry {Attempt} in {Delay}.",
                    args.Outcome.Result is { } r ? (int)r.StatusCode : args.Outcome.Exception?.GetType().Name,
                    args.AttemptNumber + 1,
                    args.RetryDelay);
                metrics?.ConnectorRetry(args.Outcome.Result is { } status ? ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "unknown");
                args.Outcome.Result?.Dispose();
                return default;
            },
        }).Build();
    }

    /// <summary>True when the outcome is safe and worth retrying.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider timeProvider, bool idempotent = false)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true; // the request never left: no duplicate possible
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var status = response.StatusCode;
        var retryable = status is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            || (idempotent && status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout);
        if (!retryable)
        {
            return false;
        }

        var retryAfter = GetRetryAfter(response.Headers.RetryAfter, timeProvider);
        return retryAfter is null || retryAfter <= maxRetryAfter;
    }

    /// <summary>The delay a <c>Retry-After</c> header asks for (delta seconds or HTTP date), or null.</summary>
    public static TimeSpan? GetRetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
