namespace CoachBot.Channels.Auth;

/// <summary>Issuers of Emulator/Entra-issued tokens (protocol brief 3.2).</summary>
internal static class EmulatorIssuers
{
    private static readonly string[] Known =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>
    /// The Bot Framework's own issuers plus the v1/v2 issuers of the configured tenant (<c>MicrosoftAppTenantId</c>),
    /// as the SDK does; never the tenant a token names itself (<c>tid</c>), which anyone's tenant could mint.
    /// </summary>
    public static string[] For(string? configuredTenantId) =>
        string.IsNullOrWhiteSpace(configuredTenantId) || configuredTenantId.Contains('/', StringComparison.Ordinal)
            ? Known
            : [.. Known, $"https://sts.windows.net/{configuredTenantId.Trim()}/", $"https://login.microsoftonline.com/{configuredTenantId.Trim()}/v2.0"];
}
