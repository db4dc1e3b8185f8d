using Marten;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

public static class ListValueEquationsEndpoint
{
    [WolverineGet("/networks/{networkId}/value-equations")]
    [EndpointSummary("List the adopted versions")]
    [EndpointDescription("Oldest first.")]
    public static async Task<ValueEquationsResponse> List(IQuerySession session, HttpContext http) =>
        new([.. (await AdoptedVersions.Of(session).OrderBy(e => e.Version).ToListAsync(http.RequestAborted))
            .Select(ValueEquationResponse.From)]);
}
