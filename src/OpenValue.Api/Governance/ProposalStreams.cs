using JasperFx.Events;
using Marten;
using OpenValue.Api.Networks;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Governance;

/// <summary>Proposals as positions and withdrawals write them.</summary>
public static class ProposalStreams
{
    /// <summary>
    /// The proposal's stream (404 when there is none) and the network's, each locked to the version read: a
    /// position that completes the vote closes the proposal and changes the network in one transaction.
    /// </summary>
    public static async Task<(IEventStream<Proposal>, IEventStream<Network>)> FetchWithNetwork(
        IDocumentSession session, Guid networkId, Guid proposalId, CancellationToken cancellation)
    {
        var proposals = await session.Events.FetchForWriting<Proposal>(proposalId, cancellation);
        if (proposals.Aggregate is null)
            throw ProposalResponses.NotFound(proposalId);
        return (proposals, await NetworkLookup.FetchForWriting(session, networkId, cancellation));
    }
}
