using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OpenValue.Api.Privacy;

/// <summary>
/// One personal field as stored: <c>ov1.</c> followed by base64url of the owner's member id (16 bytes), a
/// random nonce (12), the AES-256-GCM tag (16) and the ciphertext of the UTF-8 text. The network and member
/// ids are associated data, so a sealed field copied into another network or under another member does not
/// open. The member id is in the clear: it names the key, and ids are not personal data here. The version
/// prefix lets a later format live beside this one; text without it is stored plainly (data from before).
/// </summary>
public static class SealedText
{
    public const string Prefix = "ov1.";
    public const int KeyBytes = 32;
    private const int IdBytes = 16, NonceBytes = 12, TagBytes = 16, HeaderBytes = IdBytes + NonceBytes + TagBytes;

    public static bool IsSealed(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public static string Seal(string text, Guid networkId, Guid memberId, byte[] key)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[HeaderBytes + plain.Length];
        memberId.TryWriteBytes(sealedBytes.AsSpan(0, IdBytes));
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(IdBytes, NonceBytes));
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(sealedBytes.AsSpan(IdBytes, NonceBytes), plain, sealedBytes.AsSpan(HeaderBytes),
            sealedBytes.AsSpan(IdBytes + NonceBytes, TagBytes), Associated(networkId, memberId));
        return Prefix + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The member whose key sealed the field; null for text that is not sealed or not well formed.</summary>
    public static Guid? OwnerOf(string? stored) =>
        Bytes(stored) is { } bytes ? new Guid(bytes.AsSpan(0, IdBytes)) : null;

    /// <summary>The text; null when the key is gone (erased) or is not the one that sealed it.</summary>
    public static string? Open(string stored, Guid networkId, byte[]? key)
    {
        if (key is null)
            return null;
        var cacheKey = (stored, BitConverter.ToInt64(key), networkId);
        if (Opened.TryGetValue(cacheKey, out var known))
            return known;
        var text = Decrypt(stored, networkId, key);
        if (text is not null)
        {
            if (Opened.Count >= MaxOpened) Opened.Clear();
            Opened[cacheKey] = text;
        }
        return text;
    }

    /// <summary>
    /// Fields opened before, by sealed text, key and network: a share list names every member, each under a key
    /// of their own, and an AES-GCM context per name cost 20-50 µs here (seconds at 100,000 members). Only
    /// consulted with the key the database returned, so an erased member (no key) never reads from it; bounded,
    /// emptied when full. It holds plaintext in the process's memory only, as any response being written does.
    /// </summary>
    private static readonly ConcurrentDictionary<(string, long, Guid), string> Opened = new();

    private const int MaxOpened = 200_000;

    private static string? Decrypt(string stored, Guid networkId, byte[] key)
    {
        if (Bytes(stored) is not { } bytes)
            return null;
        var owner = new Guid(bytes.AsSpan(0, IdBytes));
        var plain = new byte[bytes.Length - HeaderBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(bytes.AsSpan(IdBytes, NonceBytes), bytes.AsSpan(HeaderBytes),
                bytes.AsSpan(IdBytes + NonceBytes, TagBytes), plain, Associated(networkId, owner));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[]? Bytes(string? stored)
    {
        if (!IsSealed(stored))
            return null;
        var text = stored!.AsSpan(Prefix.Length);
        if (!Base64Url.IsValid(text))
            return null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        return Base64Url.TryDecodeFromChars(text, bytes, out var written) && written >= HeaderBytes
            ? bytes[..written]
            : null;
    }

    private static byte[] Associated(Guid networkId, Guid memberId) =>
        Encoding.ASCII.GetBytes($"{Prefix}{networkId:N}.{memberId:N}");
}
