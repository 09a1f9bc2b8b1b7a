using CoachBot.Protocol.Hosting;
using CoachBot.Protocol.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Protocol.Tests.Hosting;

public class AnonymousInboundAuthenticatorTests
{
    private static AnonymousInboundAuthenticator CreateSut(string? appId, bool? allowAnonymous = true, string environment = "Production") =>
        new(new InboundAccess(
            Options.Create(new BotRuntimeOptions { AllowAnonymous = allowAnonymous }),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId }).Build(),
            new Environment(environment)));

    [Fact]
    public async Task Authenticate_NoAppIdNoHeaderAllowed_ReturnsAnonymousIdentity()
    {
        var identity = await CreateSut(null).AuthenticateAsync(new Activity(), null);

        Assert.Equal(AnonymousInboundAuthenticator.AnonymousAuthenticationType, identity.AuthenticationType);
    }

    [Fact]
    public async Task Authenticate_NoSettingInDevelopment_ReturnsAnonymousIdentity()
    {
        var identity = await CreateSut(null, allowAnonymous: null, environment: Environments.Development).AuthenticateAsync(new Activity(), null);

        Assert.Equal(AnonymousInboundAuthenticator.AnonymousAuthenticationType, identity.AuthenticationType);
    }

    [Theory]
    [InlineData(null, "Production")]
    [InlineData(null, "Staging")]
    [InlineData(false, "Development")]
    [InlineData(false, "Production")]
    public async Task Authenticate_NoHeaderWithoutPermission_Throws(bool? allowAnonymous, string environment) =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CreateSut(null, allowAnonymous, environment).AuthenticateAsync(new Activity(), null));

    [Fact]
    public async Task Authenticate_NoAppIdWithHeader_Throws() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CreateSut("").AuthenticateAsync(new Activity(), "Bearer x"));

    [Fact]
    public async Task Authenticate_AppIdConfigured_RejectsEvenWithoutHeader() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CreateSut("0000-app").AuthenticateAsync(new Activity(), null));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = ".";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
