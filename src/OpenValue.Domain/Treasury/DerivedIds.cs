using System.Security.Cryptography;
using System.Text;

namespace OpenValue.Domain.Treasury;

/// <summary>
/// Ids OpenValue derives rather than draws: name-based UUIDs (RFC 9562 version 5, SHA-1) in OpenValue's own
/// namespace, so the same inputs always give the same stream or payout id and an endpoint can fetch a pool
/// for writing without looking anything up. Client-chosen ids of version 5 are refused elsewhere, so a
/// member cannot squat a derived id.
/// </summary>
public static class DerivedIds
{
    private static readonly Guid Namespace = Guid.Parse("6f0c3b1e-5a8d-4c1f-9e2a-0b7d4e6f8a10");

    /// <summary>The pool of a network (projectId null) or of one of its projects.</summary>
    public static Guid Pool(Guid networkId, Guid? projectId) =>
        Of($"pool:{networkId:D}:{(projectId is { } p ? p.ToString("D") : "network")}");

    /// <summary>The payout of one line of a distribution.</summary>
    public static Guid Payout(Guid distributionId, int line) => Of($"payout:{distributionId:D}:{line}");

    /// <summary>The payout that pays a reversed one again: one id per payout, so it is reissued at most once.</summary>
    public static Guid Reissue(Guid payoutId) => Of($"reissue:{payoutId:D}");

    /// <summary>Whether an id has the shape of a derived one (version 5).</summary>
    public static bool LooksDerived(Guid id) => id.Version == 5;

    private static Guid Of(string name)
    {
        var bytes = Namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(bytes).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
