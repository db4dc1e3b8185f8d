using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public static class PayoutsCsvEndpoint
{
    /// <summary>The payouts to pay, one row each (reversed payouts left out), as RFC 4180 CSV.</summary>
    [WolverineGet("/networks/{networkId}/distributions/{distributionId}/payouts.csv"), Allow(Role.Treasurer)]
    [EndpointSummary("Export the payouts as CSV")]
    [EndpointDescription(
        "One RFC 4180 row per payout still standing: memberId, name, amount, currency, reference, chainSequence, " +
        "chainHead, then the payee's iban, bic, accountReference and payoutDetails ('set', or 'missing' when the " +
        "member has none: pay them another way or ask them first). 409 not-paid before payouts are issued.")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Csv(Guid distributionId, IQuerySession session, HttpContext http)
    {
        var distribution = await TreasuryResponses.Load(session, distributionId, http.RequestAborted);
        if (distribution.Status != DistributionStatus.Paid)
            throw RuleViolation.Conflict("not-paid", "This distribution has no payouts yet; issue them first.");
        var payouts = await TreasuryResponses.PayoutsOf(session, distribution, http.RequestAborted);
        // Every row carries the chain head the distribution recorded, so a paid member can check the history later.
        var head = await Integrity.ChainAnchors.Of(session, distributionId, http.RequestAborted);
        var (sequence, hash) = (head?.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            head?.Hash ?? "");
        var standing = payouts.Payouts.Where(p => !p.Reversed).ToList();
        var details = await PayeeDetails(session, standing.Select(p => p.MemberId), http.RequestAborted);
        var rows = standing.Select(p => (IReadOnlyList<string>)
        [
            p.MemberId.ToString(), CsvText.Defused(p.Name), p.Amount.Amount, p.Amount.Currency, p.Reference,
            sequence, hash,
            .. CsvText.PayoutColumns(details.GetValueOrDefault(p.MemberId)),
        ]);
        var file = $"payouts-{Settling.Reference(distributionId, 0)[..11]}.csv";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        string[] header = ["memberId", "name", "amount", "currency", "reference", "chainSequence", "chainHead",
            "iban", "bic", "accountReference", "payoutDetails"];
        return Results.Text(CsvText.Write(header, rows), "text/csv; charset=utf-8");
    }

    private static async Task<IReadOnlyDictionary<Guid, Networks.Members.PayoutDetailsResponse>> PayeeDetails(
        IQuerySession session, IEnumerable<Guid> memberIds, CancellationToken cancellation)
    {
        var members = await session.LoadManyAsync<Networks.Members.MemberView>(cancellation, memberIds.Distinct());
        return await Networks.Members.OpenedPayoutDetails.Load(session, [.. members], cancellation);
    }
}
