using Microsoft.Extensions.Caching.Memory;
using NodaTime;

namespace OpenValue.Api.Shares;

/// <summary>
/// The last lifetime shares computed per network and scope, served again while nothing they depend on has
/// changed: the scope's ledger version (taken from a sequence by every change, in the change's transaction),
/// the equation version in force, how many class changes the network has recorded, and no entry counting
/// between the moment they were computed for and the
/// moment asked (so "now" a little later is the same answer). Every request checks the version in the
/// database, so a node never serves shares older than the ledger it reads; each node keeps its own. Bounded
/// by member lines (about 500 bytes each), least recently used out first.
/// </summary>
internal sealed class KeptShares
{
    private const int MaxLines = 500_000;
    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = MaxLines });

    private sealed record Entry(
        long Version, int? EquationVersion, int ClassChanges, Instant AsOf, Instant? NextAt, Computed Computed);

    public Computed? Find(
        string tenant, Guid? scope, long version, int? equationVersion, int classChanges, Instant asOf) =>
        kept.TryGetValue((tenant, scope ?? Guid.Empty), out Entry? e)
        && e!.Version == version && e.EquationVersion == equationVersion && e.ClassChanges == classChanges
        && e.AsOf <= asOf && (e.NextAt is not { } next || asOf < next)
            ? e.Computed
            : null;

    /// <summary>
    /// Keeps a computation unless the one kept for the same ledger version is for a later moment (a past moment's
    /// shares don't push out "now").
    /// </summary>
    public void Keep(
        string tenant, Guid? scope, long version, int? equationVersion, int classChanges, Instant asOf, Instant? nextAt,
        Computed computed)
    {
        var key = (tenant, scope ?? Guid.Empty);
        if (kept.TryGetValue(key, out Entry? e) && e!.Version == version && e.AsOf > asOf)
            return;
        kept.Set(key, new Entry(version, equationVersion, classChanges, asOf, nextAt, computed),
            new MemoryCacheEntryOptions { Size = computed.Holders.Count + 1,
                SlidingExpiration = TimeSpan.FromMinutes(30) });
    }
}
