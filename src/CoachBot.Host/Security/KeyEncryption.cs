using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Security;

/// <summary>
/// Encrypts each data-protection key before it is stored, with AES-256-GCM under
/// <see cref="DataProtectionSettings.KeyEncryptionKey"/>. The stored element names the key it was encrypted with (a
/// hash prefix, not the key), so a wrong key fails with a clear message rather than garbage.
/// </summary>
internal sealed class KeyEncryptionXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            KeyEncryptionXml.ElementName,
            new XAttribute("keyId", KeyEncryptionXml.KeyId(key)),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("ciphertext", Convert.ToBase64String(ciphertext)),
            new XElement("tag", Convert.ToBase64String(tag)));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KeyEncryptionXmlEncryptor"/> stored; made by the framework with the service provider.</summary>
internal sealed class KeyEncryptionXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<IOptions<DataProtectionSettings>>().Value.KeyBytes()
            ?? throw new CryptographicException($"A stored data-protection key is encrypted, but {DataProtectionSettings.KeyEncryptionKeyName} is not set.");
        if (!string.Equals((string?)encryptedElement.Attribute("keyId"), KeyEncryptionXml.KeyId(key), StringComparison.Ordinal))
        {
            throw new CryptographicException($"A stored data-protection key was encrypted with another {DataProtectionSettings.KeyEncryptionKeyName}.");
        }

        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? string.Empty);
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("ciphertext") ?? string.Empty);
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? string.Empty);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

internal static class KeyEncryptionXml
{
    public const string ElementName = "coachbotEncryptedKey";

    /// <summary>The first 8 bytes of the key's SHA-256, in hex: names the key without revealing it.</summary>
    public static string KeyId(byte[] key) => Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 8));
}
