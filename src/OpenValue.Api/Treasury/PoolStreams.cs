using Marten;
using OpenValue.Domain;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Treasury;

/// <summary>Pools as every slice that moves money writes them: income, distributions, payouts, rounds.</summary>
public static class PoolStreams
{
    /// <summary>
    /// A pool stream locked to the version read, its stored document checked against its events. A stream at a pool's
    /// id that is not a pool is refused, never written to.
    /// </summary>
    public static async Task<JasperFx.Events.IEventStream<Pool>> Fetch(IDocumentSession session, Guid poolId,
        CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Pool>(poolId, cancellation);
        if (stream.Aggregate is null && stream.CurrentVersion > 0)
            throw RuleViolation.Conflict("pool-id-taken", $"The stream {poolId} is not a pool.");
        await Integrity.StoredState.Check(session, stream, "pool", Pool.Evolve, cancellation);
        return stream;
    }
}
