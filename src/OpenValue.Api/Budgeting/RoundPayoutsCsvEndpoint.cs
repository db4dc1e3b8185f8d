using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Budgeting;

public static class RoundPayoutsCsvEndpoint
{
    /// <summary>The payouts of a closed round, one RFC 4180 row per funded bucket, as distributions export
    /// theirs.</summary>
    [WolverineGet("/networks/{networkId}/rounds/{roundId}/payouts.csv"), Allow(Role.Treasurer)]
    [EndpointSummary("Export a round's payouts as CSV")]
    [EndpointDescription(
        "One RFC 4180 row per funded bucket: memberId, name, amount, currency, reference, bucketId, bucket, and the " +
        "chain head recorded at the closing. 409 not-closed before the round is closed.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Csv(Guid roundId, IQuerySession session, HttpContext http)
    {
        var round = await RoundResponses.Load(session, roundId, http.RequestAborted);
        if (round.Closing is not { } closing)
            throw Domain.RuleViolation.Conflict("not-closed", "This round has no payouts yet; it pays at its closing.");
        var names = await MemberLabels.Load(session, [.. closing.Payouts.Select(p => p.MemberId)], http.RequestAborted);
        var head = await Integrity.ChainAnchors.Of(session, roundId, http.RequestAborted);
        var (sequence, hash) = (head?.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            head?.Hash ?? "");
        var rows = closing.Payouts.Select(p => new[]
        {
            p.MemberId.ToString(), CsvText.Defused(names.GetValueOrDefault(p.MemberId)?.Name ?? ""),
            MoneyResponse.Of(p.AmountMinor, round.Opening.Currency).Amount, round.Opening.Currency, p.Reference,
            p.BucketId.ToString(), CsvText.Defused(round.BucketOf(p.BucketId)!.Proposal.Title), sequence, hash,
        });
        var file = $"round-payouts-{Settling.Reference(roundId, 0)[..11]}.csv";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        return Results.Text(CsvText.Write(
            ["memberId", "name", "amount", "currency", "reference", "bucketId", "bucket", "chainSequence", "chainHead"],
            rows), "text/csv; charset=utf-8");
    }
}
