using CoachBot.Channels.Auth;

namespace CoachBot.Channels.Tests.Auth;

public sealed class BotFrameworkAuthenticationOptionsValidatorTests
{
    [Theory]
    [InlineData(null, "id", "pw", "tenant", null)]
    [InlineData("SingleTenant", "id", "pw", null, "MicrosoftAppTenantId")]
    [InlineData(null, "id", null, "tenant", "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "id", "pw", null, null)]
    [InlineData("multitenant", "id", null, null, "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "id", null, "tenant", null)]
    [InlineData("UserAssignedMSI", "id", "pw", "tenant", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "id", null, null, "MicrosoftAppTenantId")]
    [InlineData("Weird", "id", "pw", "tenant", "MicrosoftAppType")]
    [InlineData(null, null, "pw", null, "MicrosoftAppId")]
    [InlineData(null, null, null, null, null)]
    public void Validate_Combination_ReportsMissingKey(string? type, string? id, string? password, string? tenant, string? expectedKey)
    {
        var options = new BotFrameworkAuthenticationOptions { MicrosoftAppType = type, MicrosoftAppId = id, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant };

        var result = new BotFrameworkAuthenticationOptionsValidator().Validate(null, options);

        if (expectedKey is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(expectedKey, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AppType_Missing_DefaultsToSingleTenant()
    {
        Assert.Equal(BotAppType.SingleTenant, new BotFrameworkAuthenticationOptions().AppType);
    }
}
