using System.Security.Cryptography;
using OpenValue.Api.Security;

namespace OpenValue.Api.Accounts;

/// <summary>Random credentials shown once, and the hashes that are all the server keeps of them.</summary>
public static class Secrets
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => AccessToken.Hash(secret);
}
