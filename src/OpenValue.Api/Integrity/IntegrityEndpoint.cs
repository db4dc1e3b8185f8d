using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Integrity;

public static class IntegrityEndpoint
{
    /// <summary>
    /// Walks the network's chain and recomputes its documents and ledger from its events (see Verifier). It reads
    /// everything the network holds, so only the people answerable for the ledger may ask: stewards and treasurers.
    /// </summary>
    [WolverineGet("/networks/{networkId}/integrity"), Allow(Role.Steward, Role.Treasurer)]
    [EndpointSummary("Check the ledger's integrity")]
    [EndpointDescription("Walks the network's event chain, checks every recorded chain head, and recomputes its " +
        "stored documents and ledger from its events; names the first thing that differs. Stewards and treasurers.")]
    [ProducesResponseType<IntegrityReport>(StatusCodes.Status200OK)]
    public static Task<IntegrityReport> Get(Guid networkId, IDocumentStore store, HttpContext http) =>
        new Verifier(store).Verify(networkId, null, http.RequestAborted);
}
