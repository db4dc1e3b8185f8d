using System.Security.Cryptography;
using System.Text;

namespace OpenValue.Api.Security;

/// <summary>
/// Seals a stored response that holds a credential so that only the holder of the request's own secret can
/// open it again: AES-256-GCM under a key derived (HKDF-SHA256, a fresh random salt per record) from that
/// secret, which the database never holds — the caller's bearer token (stored only as its SHA-256) or, for
/// an anonymous founding, its Idempotency-Key (stored only as its SHA-256). Whoever reads the table, or
/// sends the same key without the secret, gets ciphertext and nothing else.
/// </summary>
public static class ResponseSeal
{
    private const int SaltBytes = 16, NonceBytes = 12, TagBytes = 16, KeyBytes = 32;

    public static string Seal(string plaintext, string secret, string context)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[SaltBytes + NonceBytes + TagBytes + clear.Length];
        salt.CopyTo(sealedBytes, 0);
        nonce.CopyTo(sealedBytes, SaltBytes);
        using var aes = new AesGcm(Key(secret, salt, context), TagBytes);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(SaltBytes + NonceBytes + TagBytes),
            sealedBytes.AsSpan(SaltBytes + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext, or null when <paramref name="secret"/> is not the one it was sealed with.</summary>
    public static string? Open(string sealedText, string secret, string context)
    {
        var bytes = Convert.FromBase64String(sealedText);
        if (bytes.Length < SaltBytes + NonceBytes + TagBytes)
            return null;
        var clear = new byte[bytes.Length - SaltBytes - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(Key(secret, bytes[..SaltBytes], context), TagBytes);
            aes.Decrypt(bytes.AsSpan(SaltBytes, NonceBytes), bytes.AsSpan(SaltBytes + NonceBytes + TagBytes),
                bytes.AsSpan(SaltBytes + NonceBytes, TagBytes), clear, Encoding.UTF8.GetBytes(context));
            return Encoding.UTF8.GetString(clear);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Key(string secret, byte[] salt, string context) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), KeyBytes, salt,
            Encoding.UTF8.GetBytes("openvalue idempotent response " + context));

    /// <summary>Lower-case hex SHA-256: how keys and tokens are stored.</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
