using Marten;
using OpenValue.Domain;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

/// <summary>The adopted versions as members read them: the one in force, one by number, all of them.</summary>
public static class ValueEquationQueries
{
    [WolverineGet("/networks/{networkId}/value-equations/current")]
    [EndpointSummary("Get the value equation in force")]
    [EndpointDescription("404 no-value-equation before the first adoption.")]
    public static async Task<ValueEquationResponse> Current(IQuerySession session, HttpContext http) =>
        await Adopted(session).OrderByDescending(e => e.Version).FirstOrDefaultAsync(http.RequestAborted) is { } current
            ? ValueEquationResponse.From(current)
            : throw RuleViolation.NotFound("no-value-equation", "This network has not adopted a value equation yet.");

    [WolverineGet("/networks/{networkId}/value-equations/{version}")]
    [EndpointSummary("Get one adopted version")]
    [EndpointDescription("404 value-equation-not-found for a version never adopted.")]
    public static async Task<ValueEquationResponse> Get(int version, IQuerySession session, HttpContext http) =>
        await Adopted(session).Where(e => e.Version == version).FirstOrDefaultAsync(http.RequestAborted) is { } adopted
            ? ValueEquationResponse.From(adopted)
            : throw RuleViolation.NotFound("value-equation-not-found", $"This network has no version {version}.");

    [WolverineGet("/networks/{networkId}/value-equations")]
    [EndpointSummary("List the adopted versions")]
    [EndpointDescription("Oldest first.")]
    public static async Task<ValueEquationsResponse> List(IQuerySession session, HttpContext http) =>
        new([.. (await Adopted(session).OrderBy(e => e.Version).ToListAsync(http.RequestAborted))
            .Select(ValueEquationResponse.From)]);

    /// <summary>
    /// The network's adoption events and nothing else of its stream: the session's tenant is the network, and
    /// the event-type index finds them without reading the admissions and role changes around them.
    /// </summary>
    private static IQueryable<ValueEquationAdopted> Adopted(IQuerySession session) =>
        session.Events.QueryRawEventDataOnly<ValueEquationAdopted>();
}
