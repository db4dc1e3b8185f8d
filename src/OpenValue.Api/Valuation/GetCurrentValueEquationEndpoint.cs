using Marten;
using OpenValue.Domain;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

public static class GetCurrentValueEquationEndpoint
{
    [WolverineGet("/networks/{networkId}/value-equations/current")]
    [EndpointSummary("Get the value equation in force")]
    [EndpointDescription("404 no-value-equation before the first adoption.")]
    public static async Task<ValueEquationResponse> Current(IQuerySession session, HttpContext http) =>
        await AdoptedVersions.Of(session).OrderByDescending(e => e.Version).FirstOrDefaultAsync(http.RequestAborted)
            is { } current
            ? ValueEquationResponse.From(current)
            : throw RuleViolation.NotFound("no-value-equation", "This network has not adopted a value equation yet.");
}
