using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Channels.DirectLine;

/// <summary>Generates a development secret when none is configured, and validates the options at start.</summary>
internal sealed class DirectLineOptionsSetup : IPostConfigureOptions<DirectLineOptions>, IValidateOptions<DirectLineOptions>
{
    internal const int MinimumSecretLength = 16;

    private readonly IHostEnvironment _environment;

    // One secret (and one warning) per run: the options are built more than once (IOptions, IOptionsMonitor, the
    // start-up validation), and every copy must sign and check tokens with the same key.
    private readonly Lazy<string> _developmentSecret;

    public DirectLineOptionsSetup(IHostEnvironment environment, ILogger<DirectLineOptionsSetup> logger)
    {
        _environment = environment;
        _developmentSecret = new Lazy<string>(() =>
        {
            logger.LogWarning("DirectLine:Secret is not set; generated a random development secret for this run (Development only). Tokens from earlier runs are no longer valid.");
            return Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        });
    }

    public void PostConfigure(string? name, DirectLineOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Secret) && _environment.IsDevelopment())
        {
            options.Secret = _developmentSecret.Value;
        }
    }

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            errors.Add("DirectLine:Secret is required outside Development: set it (for example with the environment variable DirectLine__Secret) to a random value of at least 16 characters.");
        }
        else if (options.Secret.Length < MinimumSecretLength)
        {
            errors.Add($"DirectLine:Secret is too short: use at least {MinimumSecretLength} random characters.");
        }

        if (!string.IsNullOrEmpty(options.ServiceUrl)
            && (!Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !options.ServiceUrl.EndsWith('/')))
        {
            errors.Add("DirectLine:ServiceUrl must be an absolute http(s) URL ending in '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            errors.Add("DirectLine:BotId must not be empty.");
        }

        Positive(errors, options.TokenLifetime, "DirectLine:TokenLifetime");
        Positive(errors, options.StreamUrlLifetime, "DirectLine:StreamUrlLifetime");
        Positive(errors, options.StreamKeepAliveInterval, "DirectLine:StreamKeepAliveInterval");
        Positive(errors, options.BotTimeout, "DirectLine:BotTimeout");
        Positive(errors, options.ConversationIdleTimeout, "DirectLine:ConversationIdleTimeout");
        if (options.MaxConversations < 1)
        {
            errors.Add("DirectLine:MaxConversations must be at least 1.");
        }

        if (options.MaxActivitiesPerConversation < 10)
        {
            errors.Add("DirectLine:MaxActivitiesPerConversation must be at least 10.");
        }

        if (options.MaxActivityBytes < 1024)
        {
            errors.Add("DirectLine:MaxActivityBytes must be at least 1024.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive time span.");
        }
    }
}
