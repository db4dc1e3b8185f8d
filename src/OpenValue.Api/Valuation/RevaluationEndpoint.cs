using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
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
    public static Task<RevaluationResponse> Revalue(
        Guid networkId, int version, RevaluationRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var network = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var accepted = await AcceptedContributions.Load(session, null, http.RequestAborted);
            var command = new RevalueContributions(version, body.Reason, http.Caller().MemberId);
            var result = Revaluing.Decide(command, network.Aggregate!, accepted, now);
            if (result.Revalued is { } revalued)
            {
                network.AppendOne(revalued);
                foreach (var correction in result.Corrections)
                    session.Events.Append(correction.ContributionId, correction);
            }
            return new RevaluationResponse(version,
                [.. result.Corrections.Select(c => new CorrectedResponse(c.ContributionId, c.MemberId,
                    c.PreviousPoints is { } p ? DecimalText.Format(p) : null, DecimalText.Format(c.Points)))],
                result.Unvalued);
        });
}
