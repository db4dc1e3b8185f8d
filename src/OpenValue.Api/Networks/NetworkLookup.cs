using Marten;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Networks;

/// <summary>
/// The network's stored write model, which most decisions of its members take as an input or append to.
/// </summary>
public static class NetworkLookup
{
    public static async Task<Network> NetworkOf(IQuerySession session, Guid networkId,
        CancellationToken cancellation) =>
        await session.LoadAsync<Network>(networkId, cancellation)
        ?? throw new InvalidOperationException($"Network {networkId} has no stream although its member was admitted.");

    /// <summary>
    /// The network as a decision that moves money reads it (its treasurers, treasury policy and second-approval
    /// rule): refused with 409 <c>stored-state-differs</c> when the stored document disagrees with the network's
    /// events (<see cref="Integrity.StoredState.CheckLoaded{T}"/>). Folds the network's stream, O(its events):
    /// paid only by proposals, approvals and rounds, not by every claim.
    /// </summary>
    public static async Task<Network> ForMoney(IDocumentSession session, Guid networkId,
        CancellationToken cancellation)
    {
        var network = await NetworkOf(session, networkId, cancellation);
        await Integrity.StoredState.CheckLoaded(session, networkId, network, "network", Network.Evolve,
            cancellation);
        return network;
    }

    /// <summary>The network's stream locked to the version read, for a decision that appends to it.</summary>
    public static Task<JasperFx.Events.IEventStream<Network>> FetchForWriting(IDocumentSession session,
        Guid networkId, CancellationToken cancellation) =>
        session.Events.FetchForWriting<Network>(networkId, cancellation);
}
