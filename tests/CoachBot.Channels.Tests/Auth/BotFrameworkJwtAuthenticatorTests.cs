using System.Text;
using CoachBot.Channels.Auth;
using CoachBot.Channels.Tests.Support;
using CoachBot.Protocol.Auth;
using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Channels.Tests.Auth;

public sealed class BotFrameworkJwtAuthenticatorTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private OpenIdTestAuthority _authority = null!;
    private BotFrameworkJwtAuthenticator _sut = null!;

    public async Task InitializeAsync()
    {
        _authority = await OpenIdTestAuthority.StartAsync();
        var options = Options.Create(new BotFrameworkAuthenticationOptions
        {
            MicrosoftAppId = OpenIdTestAuthority.AppId,
            BotOpenIdMetadata = _authority.ChannelMetadataUrl,
            EmulatorOpenIdMetadata = _authority.EmulatorMetadataUrl,
        });
        _sut = new BotFrameworkJwtAuthenticator(options, new PlainHttpClientFactory(), _time, EmulatorAllowed, Trusted);
    }

    private static InboundAccess EmulatorAllowed => new(Options.Create(new BotRuntimeOptions { AllowEmulatorTokens = true }), null, null);

    private TrustedServiceUrls Trusted { get; } = new();

    public async Task DisposeAsync() => await _authority.DisposeAsync();

    public void Dispose() => _sut?.Dispose();

    [Fact]
    public async Task Authenticate_GoodChannelToken_ReturnsIdentity()
    {
        var token = OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow());

        var identity = await _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + token);

        Assert.True(identity.IsAuthenticated);
        Assert.Equal(OpenIdTestAuthority.AppId, identity.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task Authenticate_CamelCaseServiceUrlClaim_IsAccepted()
    {
        var token = OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), serviceUrlClaim: "serviceUrl");

        var identity = await _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + token);

        Assert.True(identity.IsAuthenticated);
    }

    [Fact]
    public async Task Authenticate_ExpiredWithinSkew_IsAccepted()
    {
        var token = OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), lifetime: TimeSpan.FromMinutes(-4), startsIn: TimeSpan.FromMinutes(-30));

        var identity = await _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + token);

        Assert.True(identity.IsAuthenticated);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic abc")]
    [InlineData("bearer a.b.c")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer e30.e30.e30")]
    public async Task Authenticate_MissingOrMalformedHeader_IsRefused(string? header)
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _sut.AuthenticateAsync(TeamsActivity(), header));
    }

    [Fact]
    public async Task Authenticate_SignedWithUnknownKeySameKid_IsRefused()
    {
        var token = OpenIdTestAuthority.CreateToken(OpenIdTestAuthority.NewKey("channel-1"), _time.GetUtcNow());

        await AssertRefusedAsync(token);
    }

    [Fact]
    public async Task Authenticate_UnknownKid_RefreshesKeysOnceThenRefuses()
    {
        await _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow()));
        var before = _authority.MetadataRequests;
        _time.Advance(TimeSpan.FromMinutes(2));
        var token = OpenIdTestAuthority.CreateToken(OpenIdTestAuthority.NewKey("forged"), _time.GetUtcNow());

        await AssertRefusedAsync(token);
        await AssertRefusedAsync(token);

        Assert.Equal(before + 1, _authority.MetadataRequests);
    }

    [Fact]
    public async Task Authenticate_RotatedKey_IsFoundAfterRefresh()
    {
        await _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow()));
        var rotated = _authority.AddChannelKey("channel-2", ["msteams"]);
        _time.Advance(TimeSpan.FromMinutes(2));

        var identity = await _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + OpenIdTestAuthority.CreateToken(rotated, _time.GetUtcNow()));

        Assert.True(identity.IsAuthenticated);
    }

    [Fact]
    public async Task Authenticate_Expired_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), lifetime: TimeSpan.FromMinutes(-6), startsIn: TimeSpan.FromMinutes(-60)));
    }

    [Fact]
    public async Task Authenticate_NotYetValid_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), startsIn: TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public async Task Authenticate_WrongIssuer_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), issuer: "https://evil.example"));
    }

    [Fact]
    public async Task Authenticate_WrongAudience_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), audience: "another-bot"));
    }

    [Fact]
    public async Task Authenticate_ChannelNotEndorsedByKey_IsRefused()
    {
        var token = OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow());
        var activity = TeamsActivity();
        activity.ChannelId = "webchat";

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _sut.AuthenticateAsync(activity, "Bearer " + token));
    }

    [Fact]
    public async Task Authenticate_KeyWithoutEndorsements_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-noendorse"), _time.GetUtcNow()));
    }

    [Fact]
    public async Task Authenticate_ServiceUrlMismatch_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), serviceUrl: "https://evil.example/"));
    }

    [Fact]
    public async Task Authenticate_NoServiceUrlClaim_IsRefused()
    {
        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(_authority.ChannelKey("channel-1"), _time.GetUtcNow(), serviceUrl: null));
    }

    [Fact]
    public async Task Authenticate_AlgNone_IsRefused()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"channel-1\"}");
        var payload = Base64UrlEncoder.Encode($"{{\"iss\":\"https://api.botframework.com\",\"aud\":\"{OpenIdTestAuthority.AppId}\",\"serviceurl\":\"{OpenIdTestAuthority.ServiceUrl}\",\"nbf\":{now - 60},\"exp\":{now + 3600}}}");

        await AssertRefusedAsync(header + "." + payload + ".");
    }

    [Fact]
    public async Task Authenticate_HmacSignedWithPublicKey_IsRefused()
    {
        var modulus = _authority.ChannelKey("channel-1").Rsa.ExportParameters(false).Modulus!;
        var hmacKey = new SymmetricSecurityKey(modulus) { KeyId = "channel-1" };

        await AssertRefusedAsync(OpenIdTestAuthority.CreateToken(hmacKey, _time.GetUtcNow(), algorithm: SecurityAlgorithms.HmacSha256));
    }

    [Fact]
    public async Task Authenticate_EmulatorTokenV1WithAppId_IsAccepted()
    {
        var token = OpenIdTestAuthority.CreateToken(_authority.EmulatorKey, _time.GetUtcNow(), issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", audience: "https://api.botframework.com", serviceUrl: null, claims: new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = OpenIdTestAuthority.AppId });
        var activity = TeamsActivity();
        activity.ChannelId = "emulator";

        var identity = await _sut.AuthenticateAsync(activity, "Bearer " + token);

        Assert.True(identity.IsAuthenticated);
    }

    [Fact]
    public async Task Authenticate_EmulatorTokenV2ForOtherApp_IsRefused()
    {
        var token = OpenIdTestAuthority.CreateToken(_authority.EmulatorKey, _time.GetUtcNow(), issuer: "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", audience: "x", serviceUrl: null, claims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = "someone-else" });

        await AssertRefusedAsync(token);
    }

    private async Task AssertRefusedAsync(string token) =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _sut.AuthenticateAsync(TeamsActivity(), "Bearer " + token));

    private static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = OpenIdTestAuthority.ServiceUrl,
        Text = "hi",
        Conversation = new ConversationAccount("a:1"),
    };

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
