using Marten;
using OpenValue.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Domain;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Treasury;

/// <summary>
/// One line as it would be proposed. <c>Unrounded</c> is amount × share before the split into minor units (28
/// significant digits; null for balanced, whose weights are shortfalls, not shares) and <c>Rounding</c> what the
/// largest-remainder split added to it (the line less the unrounded amount, negative when rounded down).
/// </summary>
public sealed record PreviewLineResponse(
    int Line, Guid MemberId, string Name, MoneyResponse Amount, string Points, string? Share, string? Unrounded,
    string? Rounding, string Explanation);

/// <summary>What a proposal would be now: its lines, the shares they come from, and what the pool holds.</summary>
public sealed record DistributionPreviewResponse(
    DistributionPolicy Policy, Guid? ProjectId, int? EquationVersion, Instant AsOf, int? WindowDays,
    MoneyResponse Amount, MoneyResponse Undistributed, string TotalPoints, bool SecondApprovalRequired,
    IReadOnlyList<PreviewLineResponse> Lines);

public static class DistributionPreviewEndpoint
{
    /// <summary>
    /// The same validation and the same pure decision as a proposal, on the pool and shares as they are now, and
    /// nothing appended or saved: a treasurer sees the lines and the rounding before proposing. A proposal made
    /// later may differ if the pool or the shares change in between.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/preview"), Allow(Role.Treasurer)]
    [EndpointSummary("Preview a distribution")]
    [EndpointDescription(
        "The lines a proposal with this body would have now, each with its share, the amount before rounding and " +
        "what the largest-remainder split added; the same refusals as a proposal (400 at the field, 409 " +
        "insufficient-funds or no-eligible-member). Nothing is reserved or recorded.")]
    [ProducesResponseType<DistributionPreviewResponse>(StatusCodes.Status200OK)]
    public static async Task<DistributionPreviewResponse> Post(
        Guid networkId, ProposeDistributionRequest body, HttpContext http, IDocumentSession session,
        IShareSource shareSource)
    {
        var cancellation = http.RequestAborted;
        var network = await NetworkLookup.NetworkOf(session, networkId, cancellation);
        var now = http.Now();
        var caller = http.Caller().MemberId;
        var command = new ProposeDistribution(body.Amount, body.Policy, body.ProjectId, body.AsOf, body.WindowDays,
            caller);
        var request = Proposing.Validate(command, network, now);
        var poolId = DerivedIds.Pool(networkId, request.ProjectId);
        var pool = (await PoolStreams.Fetch(session, poolId, cancellation)).Aggregate
            ?? Pool.Empty(networkId, request.ProjectId, network.Currency);
        var shares = await DistributionStreams.SharesFor(shareSource, networkId, request, cancellation);
        var paidBefore = request.Policy == DistributionPolicy.Balanced
            ? await DistributionStreams.PaidBefore(session, pool.Id, cancellation)
            : new Dictionary<Guid, long>();
        // The id is never used: the proposal is built to be shown, then dropped.
        var (_, proposal) = Proposing.Decide(request, Guid.Empty, pool, network, shares, paidBefore, caller, now);
        var names = await MemberLabels.Load(session, [.. proposal.Lines.Select(l => l.MemberId)], cancellation);
        var currency = request.Amount.Currency;
        var sharesOf = proposal.Shares.ToDictionary(s => s.MemberId, s => s.Share);
        return new DistributionPreviewResponse(request.Policy, request.ProjectId, proposal.EquationVersion,
            request.AsOf, request.WindowDays, MoneyResponse.Of(proposal.AmountMinor, currency.Code),
            MoneyResponse.Of(pool.AvailableMinor, currency.Code), DecimalText.Format(proposal.TotalPoints),
            proposal.SecondApprovalRequired,
            [.. proposal.Lines.Select(l => Line(l, proposal, currency, sharesOf, names))]);
    }

    private static PreviewLineResponse Line(
        ProposedLine line, DistributionProposed proposal, Currency currency, Dictionary<Guid, decimal> shares,
        IReadOnlyDictionary<Guid, MemberLabel> names)
    {
        decimal? share = shares.TryGetValue(line.MemberId, out var found) ? found : null;
        var scale = Pow10(currency.MinorDigits);
        var unrounded = proposal.Policy == DistributionPolicy.Balanced || share is null
            ? (decimal?)null
            : proposal.AmountMinor / scale * share.Value;
        return new PreviewLineResponse(line.Line, line.MemberId, names.GetValueOrDefault(line.MemberId)?.Name ?? "",
            MoneyResponse.Of(line.AmountMinor, currency.Code), DecimalText.Format(line.Points),
            share is null ? null : DecimalText.Format(share.Value),
            unrounded is null ? null : DecimalText.Format(unrounded.Value),
            unrounded is null ? null : DecimalText.Format(line.AmountMinor / scale - unrounded.Value),
            line.Explanation);
    }

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++) result *= 10;
        return result;
    }
}
