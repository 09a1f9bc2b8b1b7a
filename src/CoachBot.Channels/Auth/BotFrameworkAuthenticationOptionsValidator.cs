using Microsoft.Extensions.Options;

namespace CoachBot.Channels.Auth;

/// <summary>
/// Validates the credential keys as the SDK does (protocol brief 3.5): SingleTenant needs id, tenant and
/// password; MultiTenant needs id and password; UserAssignedMSI needs id and tenant and forbids a password.
/// Every error names the configuration key.
/// </summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        if (!options.IsEnabled)
        {
            return string.IsNullOrWhiteSpace(options.MicrosoftAppPassword)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("MicrosoftAppPassword is set but MicrosoftAppId is empty: set MicrosoftAppId too, or remove the password.");
        }

        BotAppType type;
        try
        {
            type = options.AppType;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        var errors = new List<string>();
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        switch (type)
        {
            case BotAppType.SingleTenant:
                Require(errors, hasTenant, "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant (the default).");
                Require(errors, hasPassword, "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant (the default).");
                break;
            case BotAppType.MultiTenant:
                Require(errors, hasPassword, "MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                break;
            case BotAppType.UserAssignedMSI:
                Require(errors, hasTenant, "MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                Require(errors, !hasPassword, "MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret).");
                break;
        }

        foreach (var (key, url) in new[]
        {
            ("BotOpenIdMetadata", options.BotOpenIdMetadata),
            ("EmulatorOpenIdMetadata", options.EmulatorOpenIdMetadata),
            ("ToChannelFromBotLoginUrl", options.ToChannelFromBotLoginUrl),
        })
        {
            Require(errors, Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp), $"{key} must be an absolute http(s) URL.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }
}
