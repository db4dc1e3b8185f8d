using JasperFx.Events;
using Marten;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Contributions;

/// <summary>Contributions as the author's, the reviewers' and the stewards' slices write them.</summary>
public static class ContributionStreams
{
    /// <summary>The stream of a contribution of this network, locked to the version read, or 404.</summary>
    public static async Task<IEventStream<Contribution>> FetchExisting(IDocumentSession session, Guid contributionId,
        CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Contribution>(contributionId, cancellation);
        return stream.Aggregate is null ? throw ContributionResponse.NotFound(contributionId) : stream;
    }
}
