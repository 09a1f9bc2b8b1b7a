using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Diagnostics;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Protocol.Connector;

/// <summary>
/// <see cref="IConnectorClient"/> over a pooled, keep-alive <see cref="HttpClient"/> from
/// <see cref="IHttpClientFactory"/>, with the retry rules of <see cref="ConnectorRetryPolicy"/>.
/// </summary>
internal sealed class ConnectorClient : IConnectorClient
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client.</summary>
    public const string HttpClientName = "CoachBot.Connector";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOutboundTokenProvider _tokens;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotentPipeline;

    public ConnectorClient(IHttpClientFactory httpClientFactory, IOutboundTokenProvider tokens, IOptions<ConnectorOptions> options, TimeProvider timeProvider, ILogger<ConnectorClient> logger, BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _pipeline = ConnectorRetryPolicy.Create(options.Value, timeProvider, logger, metrics);
        _idempotentPipeline = ConnectorRetryPolicy.Create(options.Value, timeProvider, logger, metrics, idempotent: true);
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        var uri = ConnectorUrls.Activities(serviceUrl, conversationId, activity.ReplyToId);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        var operation = activity.ReplyToId is null ? "SendToConversation" : "ReplyToActivity";
        return await PostAsync<ResourceResponse>(operation, serviceUrl, uri, body, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse();
    }

    public async Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        var activityId = activity.Id is { Length: > 0 } id ? id : throw new ArgumentException("The activity has no id: it names the activity to replace.", nameof(activity));
        var uri = ConnectorUrls.Activities(serviceUrl, conversationId, activityId);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        return await CallAsync<ResourceResponse>("UpdateActivity", HttpMethod.Put, serviceUrl, uri, body, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(activityId);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = ConnectorUrls.Conversations(serviceUrl);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, ProtocolJson.Options);
        return await PostAsync<ConversationResourceResponse>("CreateConversation", serviceUrl, uri, body, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException("CreateConversation returned no conversation id.");
    }

    private Task<T?> PostAsync<T>(string operation, string serviceUrl, Uri uri, byte[] body, CancellationToken cancellationToken)
        where T : class => CallAsync<T>(operation, HttpMethod.Post, serviceUrl, uri, body, cancellationToken);

    private async Task<T?> CallAsync<T>(string operation, HttpMethod method, string serviceUrl, Uri uri, byte[] body, CancellationToken cancellationToken)
        where T : class
    {
        using var span = BotMetrics.ActivitySource.StartActivity("coachbot.connector", ActivityKind.Client);
        span?.SetTag("coachbot.connector.operation", operation);
        try
        {
            return await CallCoreAsync<T>(operation, method, serviceUrl, uri, body, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer");
            throw;
        }
    }

    private async Task<T?> CallCoreAsync<T>(string operation, HttpMethod method, string serviceUrl, Uri uri, byte[] body, CancellationToken cancellationToken)
        where T : class
    {
        var token = await _tokens.GetTokenAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            // A PUT replaces the whole activity, so repeating it is harmless: its pipeline also retries 500, 502 and 504.
            var pipeline = method == HttpMethod.Put ? _idempotentPipeline : _pipeline;
            response = await pipeline.ExecuteAsync(
                static async (state, ct) =>
                {
                    using var request = new HttpRequestMessage(state.method, state.uri);
                    request.Content = new ByteArrayContent(state.body) { Headers = { ContentType = JsonContentType } };
                    if (state.token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.token);
                    }

                    return await state.client.SendAsync(request, ct).ConfigureAwait(false);
                },
                (client, method, uri, body, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            throw new ConnectorException($"{operation} failed: {ex.Message}", ex) { MayHaveBeenDelivered = !neverSent };
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException($"{operation} timed out; the channel may or may not have accepted it.", ex) { MayHaveBeenDelivered = true };
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var errorBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
                var status = response.StatusCode;
                var mayHaveBeenDelivered = (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable;
                throw ConnectorErrorParser.Create(operation, status, errorBody, correlation, mayHaveBeenDelivered);
            }

            if (response.Content.Headers.ContentLength == 0)
            {
                return null;
            }

            var text = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length == 0)
            {
                return null; // some endpoints answer 200 with no body: sent, id unknown
            }

            try
            {
                return JsonSerializer.Deserialize<T>(text, ProtocolJson.Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
