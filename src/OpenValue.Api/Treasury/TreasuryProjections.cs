using JasperFx.Events;
using Marten.Events.Aggregation;
using OpenValue.Domain;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Treasury;

/// <summary>
/// Folds a pool stream with the domain's pure Evolve. Inline, so the pool is also a document the ledger
/// reads; it is written only in the transaction that appends to its stream, whose version is checked.
/// </summary>
public sealed class PoolProjection : SingleStreamProjection<Pool, Guid>
{
    public PoolProjection()
    {
        foreach (var type in StreamEvents.Pool) IncludeType(type);
    }

    public override Pool? Evolve(Pool? snapshot, Guid id, IEvent e) => Pool.Evolve(snapshot, e.Data);
}

/// <summary>Folds a distribution stream with the domain's pure Evolve; inline for the same reasons as pools.</summary>
public sealed class DistributionProjection : SingleStreamProjection<Distribution, Guid>
{
    public DistributionProjection()
    {
        foreach (var type in StreamEvents.Distribution) IncludeType(type);
    }

    public override Distribution? Evolve(Distribution? snapshot, Guid id, IEvent e) => Distribution.Evolve(snapshot, e.Data);
}
