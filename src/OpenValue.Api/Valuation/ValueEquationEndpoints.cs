using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

public sealed record ValueEquationAdoptedResponse(int Version);

public sealed record KindRuleResponse(string Unit, string Rate, string Multiplier);

/// <summary>One adopted version as stored, decimals as strings.</summary>
public sealed record ValueEquationResponse(
    int Version, IReadOnlyDictionary<string, KindRuleResponse> Rules, int? HalfLifeDays, IReadOnlyDictionary<string,
        string>? ClassWeights,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, KindRuleResponse>> ProjectOverrides, Guid AdoptedBy,
        Instant AdoptedAt)
{
    public static ValueEquationResponse From(ValueEquationAdopted e) => new(
        e.Version, RulesOf(e.Rules), e.HalfLifeDays,
        e.ClassWeights?.ToDictionary(w => Wire.Name(w.StakeholderClass), w => DecimalText.Format(w.Weight)),
        e.ProjectOverrides.ToDictionary(p => p.ProjectId, p => RulesOf(p.Rules)), e.AdoptedBy, e.AdoptedAt);

    private static IReadOnlyDictionary<string, KindRuleResponse> RulesOf(IEnumerable<ValueRule> rules) =>
        rules.ToDictionary(r => r.Kind, r => new KindRuleResponse(ValueEquations.UnitWire(r.Unit),
            DecimalText.Format(r.Rate), DecimalText.Format(r.Multiplier)));
}

public sealed record ValueEquationsResponse(IReadOnlyList<ValueEquationResponse> Versions);

public static class ValueEquationEndpoints
{
    /// <summary>
    /// Adopts the next version. Decided on the network stream's version: two stewards racing get one version each or a
    /// 409.
    /// </summary>
    [WolverinePost("/networks/{networkId}/value-equations"), Allow(Role.Steward)]
    [EndpointSummary("Adopt the next value-equation version")]
    [EndpointDescription(
        "Every field is optional, but there must be at least one rule after the preset. A version never changes " +
        "once adopted.")]
    [ProducesResponseType<ValueEquationAdoptedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Adopt(
        Guid networkId, ValueEquationRequest body, HttpContext http, IDocumentSession session, IClock clock,
            Idempotency idempotency) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var stream = await session.Events.FetchForWriting<Network>(networkId, http.RequestAborted);
            Domain.Governance.GovernanceRules.RequireDirect(stream.Aggregate!,
                Domain.Governance.ProposalKind.ValueEquation);
            var events = ValueEquations.Decide(new AdoptValueEquation(body, http.Caller().MemberId), stream.Aggregate!,
                clock.GetCurrentInstant());
            stream.AppendMany(events);
            var version = ((ValueEquationAdopted)events[0]).Version;
            return Outcome.Created($"/networks/{networkId}/value-equations/{version}",
                new ValueEquationAdoptedResponse(version));
        });

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
