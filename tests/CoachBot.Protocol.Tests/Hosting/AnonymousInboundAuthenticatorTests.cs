using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Protocol.Tests.Hosting;

public class AnonymousInboundAuthenticatorTests
{
    private static AnonymousInboundAuthenticator CreateSut(string? appId) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId }).Build());

    [Fact]
    public async Task Authenticate_NoAppIdNoHeader_ReturnsAnonymousIdentity()
    {
        var identity = await CreateSut(null).AuthenticateAsync(new Activity(), null);

        Assert.Equal(AnonymousInboundAuthenticator.AnonymousAuthenticationType, identity.AuthenticationType);
    }

    [Fact]
    public async Task Authenticate_NoAppIdWithHeader_Throws() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CreateSut("").AuthenticateAsync(new Activity(), "Bearer x"));

    [Fact]
    public async Task Authenticate_AppIdConfigured_RejectsEvenWithoutHeader() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CreateSut("0000-app").AuthenticateAsync(new Activity(), null));
}
