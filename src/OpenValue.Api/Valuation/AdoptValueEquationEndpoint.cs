using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
using OpenValue.Api.Security;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

public sealed record ValueEquationAdoptedResponse(int Version);

public static class AdoptValueEquationEndpoint
{
    /// <summary>
    /// Adopts the next version. Decided on the network stream's version: two stewards racing get one version each or a
    /// 409.
    /// </summary>
    [WolverinePost("/networks/{networkId}/value-equations"), Allow(Role.Steward), Idempotent]
    [EndpointSummary("Adopt the next value-equation version")]
    [EndpointDescription(
        "Every field is optional, but there must be at least one rule after the preset. A version never changes " +
        "once adopted.")]
    [ProducesResponseType<ValueEquationAdoptedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Adopt(
        Guid networkId, ValueEquationRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            Domain.Governance.GovernanceRules.RequireDirect(stream.Aggregate!,
                Domain.Governance.ProposalKind.ValueEquation);
            var events = ValueEquations.Decide(new AdoptValueEquation(body, http.Caller().MemberId), stream.Aggregate!,
                now);
            stream.AppendMany(events);
            var version = ((ValueEquationAdopted)events[0]).Version;
            return Outcome.Created($"/networks/{networkId}/value-equations/{version}",
                new ValueEquationAdoptedResponse(version));
        });
}
