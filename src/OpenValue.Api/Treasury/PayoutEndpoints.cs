using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using Wolverine.Http;

namespace OpenValue.Api.Treasury;

public sealed record ReversePayoutRequest(string? Reason);

/// <summary>What a payouts request binds: nothing but the route, so the idempotency hash is the route's.</summary>
public sealed record IssuePayoutsRequest;

public static class PayoutEndpoints
{
    /// <summary>
    /// Issues the payouts of an approved distribution, exactly once: the transition approved → paid is
    /// checked against the distribution's stream version. Every call on a paid distribution — a retry, a
    /// later call, or one that lost the race at the same moment — answers 200 with the payouts that stand.
    /// </summary>
    [WolverinePost("/networks/{networkId}/distributions/{distributionId}/payouts"), Allow(Role.Treasurer)]
    [EndpointSummary("Issue the payouts")]
    [EndpointDescription(
        "Of an approved distribution, exactly once: every later call answers with the payouts that stand.")]
    [ProducesResponseType<PayoutsResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Issue(
        Guid networkId, Guid distributionId, HttpContext http, IDocumentSession session, IClock clock,
            Idempotency idempotency)
    {
        try
        {
            return await idempotency.Once(http, session, http.Caller().IdempotencyScope, new IssuePayoutsRequest(),
                async () =>
            {
                var stream = await DistributionStreams.FetchExisting(session, distributionId, http.RequestAborted);
                var events = Settling.Decide(new IssuePayouts(distributionId, http.Caller().MemberId),
                    stream.Aggregate!, clock.GetCurrentInstant());
                stream.AppendMany(events);
                var paid = events.Aggregate(stream.Aggregate, Distribution.Evolve)!;
                return new Outcome(StatusCodes.Status200OK, null, await TreasuryResponses.PayoutsOf(session, paid,
                    http.RequestAborted));
            });
        }
        catch (Exception e) when (ProblemsMiddleware.IsConcurrencyFailure(e))
        {
            await using var fresh = session.DocumentStore.QuerySession(networkId.ToString());
            var winner = await TreasuryResponses.Load(fresh, distributionId, http.RequestAborted);
            if (winner.Status != DistributionStatus.Paid)
                throw;
            return Results.Ok(await TreasuryResponses.PayoutsOf(fresh, winner, http.RequestAborted));
        }
    }

    /// <summary>
    /// A compensating event on the distribution and the money back in its pool, in one transaction. A second
    /// reversal of the same payout is 409; send an Idempotency-Key to have a retry answered like the first call.
    /// </summary>
    [WolverinePost("/networks/{networkId}/payouts/{payoutId}/reversal"), Allow(Role.Treasurer)]
    [EndpointSummary("Reverse a payout")]
    [EndpointDescription(
        "With a reason; the money returns to the pool it came from. A second reversal is 409 already-reversed.")]
    [ProducesResponseType<PayoutResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Reverse(
        Guid payoutId, ReversePayoutRequest body, HttpContext http, IDocumentSession session, IClock clock,
            Idempotency idempotency) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var cancellation = http.RequestAborted;
            var owner = await DistributionStreams.OwnerOfPayout(session, payoutId, cancellation);
            var stream = await DistributionStreams.FetchExisting(session, owner, cancellation);
            var command = new ReversePayout(payoutId, body.Reason, http.Caller().MemberId);
            var (reversal, returned) = Settling.Decide(command, stream.Aggregate!, clock.GetCurrentInstant());
            stream.AppendOne(reversal);
            (await PoolStreams.Fetch(session, returned.PoolId, cancellation)).AppendOne(returned);
            var after = Distribution.Evolve(stream.Aggregate, reversal)!;
            var payout = (await TreasuryResponses.PayoutsOf(session, after, cancellation)).Payouts.Single(p =>
                p.PayoutId == payoutId);
            return new Outcome(StatusCodes.Status200OK, null, payout);
        });

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

/// <summary>
/// RFC 4180 by hand: CRLF line ends; a field with a comma, quote, CR or LF is quoted, its quotes doubled.
/// </summary>
public static class CsvText
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        return text.ToString();
    }

    /// <summary>
    /// People's names are free text, and a spreadsheet runs a cell starting with = + - @ (or a tab or CR) as
    /// a formula. Such text gets a leading apostrophe, which spreadsheets show as text (OWASP's advice).
    /// </summary>
    public static string Defused(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    /// <summary>
    /// The payee's details as the export's last four columns; a payee without them is marked missing.
    /// </summary>
    public static IReadOnlyList<string> PayoutColumns(Networks.Members.PayoutDetailsResponse? details) =>
        details is null
            ? ["", "", "", "missing"]
            : [details.Iban?.Replace(" ", "", StringComparison.Ordinal) ?? "", details.Bic ?? "",
                Defused(details.AccountReference ?? ""), "set"];

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
