using Microsoft.Identity.Client;

namespace CoachBot.Channels.Tests.Support;

/// <summary>Sends MSAL's requests (addressed to the real authority or metadata host) to a local server instead.</summary>
internal sealed class LocalMsalHttpClientFactory(Uri local) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(new RedirectHandler(local) { InnerHandler = new HttpClientHandler() });

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();

    private sealed class RedirectHandler(Uri local) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = local.Scheme, Host = local.Host, Port = local.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
