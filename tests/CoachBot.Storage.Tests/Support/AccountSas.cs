using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Storage.Tests.Support;

/// <summary>Makes an account SAS (blob service, all resource types) the way the service documents it.</summary>
public static class AccountSas
{
    public static string Create(string accountName, string accountKeyBase64, string permissions, string expiry)
    {
        const string version = "2021-08-06";
        const string services = "b";
        const string resourceTypes = "sco";
        const string protocol = "https,http";
        var stringToSign = string.Join('\n', accountName, permissions, services, resourceTypes, string.Empty, expiry, string.Empty, protocol, version, string.Empty, string.Empty);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accountKeyBase64), Encoding.UTF8.GetBytes(stringToSign)));
        return $"sv={version}&ss={services}&srt={resourceTypes}&sp={permissions}&se={Uri.EscapeDataString(expiry)}&spr={Uri.EscapeDataString(protocol)}&sig={Uri.EscapeDataString(signature)}";
    }
}
