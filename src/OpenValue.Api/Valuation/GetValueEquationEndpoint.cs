using Marten;
using OpenValue.Domain;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

public static class GetValueEquationEndpoint
{
    [WolverineGet("/networks/{networkId}/value-equations/{version}")]
    [EndpointSummary("Get one adopted version")]
    [EndpointDescription("404 value-equation-not-found for a version never adopted.")]
    public static async Task<ValueEquationResponse> Get(int version, IQuerySession session, HttpContext http) =>
        await AdoptedVersions.Of(session).Where(e => e.Version == version).FirstOrDefaultAsync(http.RequestAborted)
            is { } adopted
            ? ValueEquationResponse.From(adopted)
            : throw RuleViolation.NotFound("value-equation-not-found", $"This network has no version {version}.");
}
