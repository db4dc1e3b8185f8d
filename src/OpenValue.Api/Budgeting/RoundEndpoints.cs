using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
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

public sealed record OpenRoundRequest(
    string? Title, MoneyInput? Amount, string? Budget, string? ClosesAt, string? ProjectId = null,
    string? OpensAt = null, MoneyInput? CapPerBucket = null, bool? BucketsNeedApproval = null);

/// <summary>What a closing binds: nothing but the route, so the idempotency hash is the route's.</summary>
public sealed record CloseRoundRequest;

public sealed record RoundSummary(
    Guid RoundId, string Title, RoundStatus Status, Guid? ProjectId, MoneyResponse Amount, BudgetRule Budget,
    Instant OpensAt, Instant ClosesAt, int BucketCount, Guid OpenedBy, Instant OpenedAt);

public sealed record RoundPage(IReadOnlyList<RoundSummary> Items, int Page, int PageSize, long TotalCount);

public static class RoundEndpoints
{
    /// <summary>
    /// Reads the pool for writing first, then the members the budgets go to, and saves the reservation (on the
    /// pool stream), the new round stream and the scheduled closing (Wolverine's durable outbox, in the same
    /// transaction) at once. A treasurer racing on the same pool version loses with 409 and nothing is kept.
    /// </summary>
    [WolverinePost("/networks/{networkId}/rounds"), Allow(Role.Treasurer)]
    [EndpointSummary("Open a co-budgeting round")]
    [EndpointDescription(
        "Reserves an amount of a pool (the network's or a project's) and gives every member a budget, equal or by " +
        "share as of the opening, for a funding window; the budgets sum exactly to the amount. The round closes by " +
        "itself when the window ends.")]
    [ProducesResponseType<RoundResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Open(
        Guid networkId, OpenRoundRequest body, HttpContext http, IDocumentSession session, IClock clock,
        Idempotency idempotency, IShareSource shareSource, IMessageBus bus) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var cancellation = http.RequestAborted;
            var network = await NetworkLookup.NetworkOf(session, networkId, cancellation);
            var now = clock.GetCurrentInstant();
            var command = new OpenRound(body.Title, body.Amount, body.ProjectId, body.Budget, body.OpensAt,
                body.ClosesAt, body.CapPerBucket, body.BucketsNeedApproval, http.Caller().MemberId);
            var request = Opening.Validate(command, network, now);
            var poolStream = await PoolStreams.Fetch(session, DerivedIds.Pool(networkId, request.ProjectId),
                cancellation);
            var pool = poolStream.Aggregate ?? Pool.Empty(networkId, request.ProjectId, network.Currency);
            var weights = await Weights(session, shareSource, networkId, request, now, cancellation);

            var id = Guid.CreateVersion7();
            var (reservation, opened) = Opening.Decide(request, id, pool, network, weights, http.Caller().MemberId,
                now);
            poolStream.AppendOne(reservation);
            session.Events.StartStream<Round>(id, opened);
            await ScheduledClosing.Schedule(bus, networkId, opened);
            var response = await RoundResponses.Of(session, Round.Evolve(null, opened)!, cancellation);
            return Outcome.Created($"/networks/{networkId}/rounds/{id}", response);
        });

    [WolverineGet("/networks/{networkId}/rounds")]
    [EndpointSummary("List co-budgeting rounds")]
    [EndpointDescription("Newest first, a page at a time, without budgets and buckets (GET one round for those).")]
    public static async Task<RoundPage> List(string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        var rounds = await session.Query<Round>().OrderByDescending(r => r.Id).Stats(out var stats)
            .Skip(wanted.Skip).Take(wanted.Size).ToListAsync(http.RequestAborted);
        return new RoundPage([.. rounds.Select(Summary)], wanted.Number, wanted.Size, stats.TotalResults);
    }

    [WolverineGet("/networks/{networkId}/rounds/{roundId}")]
    [EndpointSummary("Get a co-budgeting round")]
    [EndpointDescription(
        "Each member's budget, allocated and remaining; each bucket's goals, total, funders and status; once closed, " +
        "the payouts and what returned to the pool.")]
    public static async Task<RoundResponse> Get(Guid roundId, IQuerySession session, HttpContext http) =>
        await RoundResponses.Of(session, await RoundResponses.Load(session, roundId, http.RequestAborted),
            http.RequestAborted);

    /// <summary>
    /// The one transition open → closed, checked against the round's stream version: every later call, a retry or
    /// one that lost the race to the scheduled closing, answers 200 with the round as closed.
    /// </summary>
    [WolverinePost("/networks/{networkId}/rounds/{roundId}/closing"), Allow(Role.Treasurer)]
    [EndpointSummary("Close a co-budgeting round")]
    [EndpointDescription(
        "At any time, and by itself at the end of the window: buckets at or above their minimum are paid to their " +
        "owners, exactly once; unspent budgets and unfunded buckets return to the pool.")]
    [ProducesResponseType<RoundResponse>(StatusCodes.Status200OK)]
    public static async Task<IResult> Close(
        Guid networkId, Guid roundId, HttpContext http, IDocumentSession session, IClock clock, Idempotency idempotency)
    {
        try
        {
            var scope = http.Caller().IdempotencyScope;
            return await idempotency.Once(http, session, scope, new CloseRoundRequest(), async () =>
            {
                var cancellation = http.RequestAborted;
                var stream = await RoundStreams.FetchExisting(session, roundId, cancellation);
                var now = clock.GetCurrentInstant();
                var round = await ScheduledClosing.Apply(session, stream, http.Caller().MemberId, now, cancellation);
                var response = await RoundResponses.Of(session, round, cancellation);
                return new Outcome(StatusCodes.Status200OK, null, response);
            });
        }
        catch (Exception e) when (ProblemsMiddleware.IsConcurrencyFailure(e))
        {
            await using var fresh = session.DocumentStore.QuerySession(networkId.ToString());
            var winner = await RoundResponses.Load(fresh, roundId, http.RequestAborted);
            if (winner.Status != RoundStatus.Closed)
                throw;
            return Results.Ok(await RoundResponses.Of(fresh, winner, http.RequestAborted));
        }
    }

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

    /// <summary>
    /// Equal budgets go to every member at the opening, by-share budgets to every member holding a share of the
    /// round's scope as of the opening (the shares the distributions use).
    /// </summary>
    private static async Task<IReadOnlyDictionary<Guid, decimal>> Weights(
        IDocumentSession session, IShareSource shares, Guid networkId, RoundRequest request, Instant now,
        CancellationToken cancellation)
    {
        if (request.Budget == BudgetRule.Equal)
            return (await MemberLabels.Load(session, null, cancellation)).Keys.ToDictionary(id => id, _ => 1m);
        var snapshot = await shares.AsOf(networkId, request.ProjectId, now, ShareLines.Bare, cancellation);
        return snapshot.Members.ToDictionary(m => m.MemberId, m => m.Share);
    }

    private static RoundSummary Summary(Round r) => new(r.Id, r.Opening.Title, r.Status, r.Opening.ProjectId,
        MoneyResponse.Of(r.Opening.AmountMinor, r.Opening.Currency), r.Opening.Budget, r.Opening.OpensAt,
        r.Opening.ClosesAt, r.Buckets.Count, r.Opening.OpenedBy, r.Opening.OpenedAt);
}
