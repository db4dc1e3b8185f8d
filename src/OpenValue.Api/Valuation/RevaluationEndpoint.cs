using Marten;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;
using Wolverine.Http;

namespace OpenValue.Api.Valuation;

public sealed record RevaluationRequest(string? Reason);

public sealed record CorrectedResponse(Guid ContributionId, Guid MemberId, string? PreviousPoints, string Points);

public sealed record RevaluationResponse(int EquationVersion, IReadOnlyList<CorrectedResponse> Corrected,
    IReadOnlyList<Guid> Unvalued);

public static class RevaluationEndpoint
{
    /// <summary>
    /// Re-values every accepted contribution under an adopted version, with a reason: one
    /// ContributionValueCorrected per changed contribution, and ContributionsRevalued on the network stream
    /// appended on the version read, so two stewards racing cannot both correct (the loser gets 409).
    /// </summary>
    [WolverinePost("/networks/{networkId}/value-equations/{version}/revaluation"), Allow(Role.Steward)]
    [EndpointSummary("Re-value past contributions under a version")]
    [EndpointDescription(
        "Appends a correction for every accepted contribution whose points differ under the version, with the " +
        "reason given.")]
    public static async Task<RevaluationResponse> Revalue(
        Guid networkId, int version, RevaluationRequest body, HttpContext http, IDocumentSession session, IClock clock)
    {
        var network = await session.Events.FetchForWriting<Network>(networkId, http.RequestAborted);
        var accepted = await AcceptedContributions.Load(session, null, http.RequestAborted);
        var command = new RevalueContributions(version, body.Reason, http.Caller().MemberId);
        var result = Revaluing.Decide(command, network.Aggregate!, accepted, clock.GetCurrentInstant());
        if (result.Revalued is { } revalued)
        {
            network.AppendOne(revalued);
            foreach (var correction in result.Corrections)
                session.Events.Append(correction.ContributionId, correction);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        return new RevaluationResponse(version,
            [.. result.Corrections.Select(c => new CorrectedResponse(c.ContributionId, c.MemberId,
                c.PreviousPoints is { } p ? DecimalText.Format(p) : null, DecimalText.Format(c.Points)))],
            result.Unvalued);
    }
}
