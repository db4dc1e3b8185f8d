using Marten;
using OpenValue.Domain.Budgeting;

namespace OpenValue.Api.Budgeting;

/// <summary>Rounds as their closing, their buckets and the scheduled closing write them.</summary>
public static class RoundStreams
{
    /// <summary>A round stream locked to the version read, its stored document checked against its events.</summary>
    public static async Task<JasperFx.Events.IEventStream<Round>> FetchExisting(
        IDocumentSession session, Guid roundId, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Round>(roundId, cancellation);
        if (stream.Aggregate is null) throw RoundResponses.NotFound(roundId);
        await Integrity.StoredState.Check(session, stream, "round", Round.Evolve, cancellation);
        return stream;
    }
}
