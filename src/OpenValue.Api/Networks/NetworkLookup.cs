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

    /// <summary>The network's stream locked to the version read, for a decision that appends to it.</summary>
    public static Task<JasperFx.Events.IEventStream<Network>> FetchForWriting(IDocumentSession session,
        Guid networkId, CancellationToken cancellation) =>
        session.Events.FetchForWriting<Network>(networkId, cancellation);
}
