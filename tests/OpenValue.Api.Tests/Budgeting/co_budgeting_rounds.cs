using Marten;
using NodaTime;
using OpenValue.Api.Budgeting;
using OpenValue.Api.Integrity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Budgeting;
using static OpenValue.Api.Tests.Budgeting.Rounds;

namespace OpenValue.Api.Tests.Budgeting;

[Collection(AppCollection.Name)]
public class co_budgeting_rounds(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_round_reserves_its_amount_and_gives_equal_budgets_with_the_cent_left_over_first_in_id_order()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        var round = await api.Opened(network, Round("100.00"));
        // 10000 cents / 3 = 3333 rest 1: the first member in id order gets 33.34, the others 33.33.
        var order = InIdOrder(network.MemberId, bob.MemberId, cem.MemberId);
        round.BudgetOf(order[0]).Should().Be(("33.34", "0.00", "33.34"));
        round.BudgetOf(order[1]).Should().Be(("33.33", "0.00", "33.33"));
        round.BudgetOf(order[2]).Should().Be(("33.33", "0.00", "33.33"));
        round.Status.Should().Be(RoundStatus.Open);
        round.Budget.Should().Be(BudgetRule.Equal);

        var ledger = await api.Ledger(network);
        (ledger.Reserved.Amount, ledger.Undistributed.Amount).Should().Be(("100.00", "0.00"));
        (await api.Propose(network, "0.01")).ShouldBeProblem(409, code: "insufficient-funds");
        (await api.Post(network.Url("/rounds"), Round("0.01"), network.Token)).ShouldBeProblem(409,
            code: "insufficient-funds");
        var events = await app.Events(network.NetworkId, round.RoundId);
        events.Select(e => e.Data).Should().ContainSingle().Which.Should().BeOfType<RoundOpened>();
    }

    [Fact]
    public async Task by_share_budgets_split_the_cent_left_over_by_the_largest_remainder()
    {
        var network = await api.Found();
        await api.Adopt(network, Valuations.SlicingPieAt40());
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");
        var cem = await api.Admit(network, "Cem", "labour", "contributor", "reviewer");
        await api.Earn(network, network.Token, bob.Token, "10");
        await api.Earn(network, bob.Token, network.Token, "10");
        await api.Earn(network, cem.Token, network.Token, "20");
        await api.RecordIncome(network, "10.00");
        // Points 800 / 800 / 1600 (80 an hour): shares 0.25 / 0.25 / 0.5. 101 cents: 25.25, 25.25, 50.5 → floors
        // 25 + 25 + 50 = 100; the cent left goes to the largest remainder, Cem's .5: 0.25, 0.25, 0.51.
        var round = await api.Opened(network, Round("1.01", "by-share"));
        round.BudgetOf(network.MemberId).Budget.Should().Be("0.25");
        round.BudgetOf(bob.MemberId).Budget.Should().Be("0.25");
        round.BudgetOf(cem.MemberId).Budget.Should().Be("0.51");
        round.Members.Select(m => m.Weight).Order().Should().Equal("0.25",
            "0.25", "0.5");
    }

    /// <summary>
    /// Income 250.00; a round of 100.00 in equal budgets (33.34 / 33.33 / 33.33). Bob's jig (20.00–30.00): Ada
    /// 20.00 + Bob 10.00 = 30.00, its maximum exactly. Cem's kiln (50.00–60.00): Cem 33.33 + Ada 6.67 = 40.00,
    /// below its minimum. Ada's mural: Bob 5.00, then cancelled by Ada. At the closing Bob is paid 30.00;
    /// 100.00 − 30.00 = 70.00 returns to the pool, which then holds 250.00 − 30.00 = 220.00 undistributed.
    /// </summary>
    [Fact]
    public async Task closing_pays_funded_buckets_once_and_returns_the_rest_to_the_pool_to_the_cent()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "250.00");
        var round = (await api.Opened(network, Round("100.00"))).RoundId;
        var jig = await api.Bucket(network, round, bob.Token, "20.00", "30.00", "Router jig");
        var kiln = await api.Bucket(network, round, cem.Token, "50.00", "60.00", "Kiln");
        var mural = await api.Bucket(network, round, network.Token, "1.00", "10.00", "Mural");
        await api.Funded(network, round, jig, network.Token, "20.00");
        await api.Funded(network, round, jig, bob.Token, "10.00");
        (await api.Fund(network, round, jig, cem.Token, "0.01")).ShouldBeProblem(409, code: "beyond-max-goal");
        await api.Funded(network, round, kiln, cem.Token, "33.33");
        await api.Funded(network, round, kiln, network.Token, "6.67");
        await api.Funded(network, round, mural, bob.Token, "5.00");
        (await api.RoundOf(network, round)).BudgetOf(bob.MemberId).Should().Be(("33.33", "15.00", "18.33"));
        var cancelled = (await api.Post<BucketResponse>(network.Url($"/rounds/{round}/buckets/{mural}/cancellation"),
            new { reason = "Painted" },
            network.Token)).Expect(200);
        cancelled.Status.Should().Be(BucketStatus.Cancelled);
        cancelled.Total.Amount.Should().Be("5.00", "the funding stays on record");
        (await api.RoundOf(network, round)).BudgetOf(bob.MemberId).Should().Be(("33.33", "10.00", "23.33"));

        var closing = await api.Post<RoundResponse>(network.Url($"/rounds/{round}/closing"), new { }, network.Token);
        var closed = closing.Expect(200);
        (closed.Paid!.Amount, closed.Returned!.Amount).Should().Be(("30.00", "70.00"));
        var payout = closed.Payouts.Should().ContainSingle().Subject;
        (payout.MemberId, payout.Amount.Amount).Should().Be((bob.MemberId, "30.00"));
        closed.BucketIn(jig).Status.Should().Be(BucketStatus.Funded);
        closed.BucketIn(kiln).Status.Should().Be(BucketStatus.Unfunded);
        closed.BucketIn(mural).Status.Should().Be(BucketStatus.Cancelled);

        var before = await app.EventCount(network.NetworkId);
        var again = await api.Post<RoundResponse>(network.Url($"/rounds/{round}/closing"), new { }, network.Token);
        (again.Status, again.Text).Should().Be((200, closing.Text));
        (await app.EventCount(network.NetworkId)).Should().Be(before, "a round is paid exactly once");
        (await api.Fund(network, round, kiln, cem.Token, "-1.00")).ShouldBeProblem(409, code: "round-closed");

        var ledger = await api.Ledger(network);
        (ledger.Income.Amount, ledger.Reserved.Amount, ledger.Paid.Amount, ledger.Distributed.Amount,
            ledger.Undistributed.Amount).Should().Be(("250.00", "0.00", "30.00", "30.00", "220.00"));
        ledger.Members.Single(m => m.MemberId == bob.MemberId).Paid.Amount.Should().Be("30.00");
        var pool = await app.Events(network.NetworkId, ledger.Pools[0].PoolId);
        pool.Select(e => e.Data).OfType<RoundSettled>().Should().ContainSingle()
            .Which.Should().Match<RoundSettled>(s => s.PaidMinor == 3000 && s.ReturnedMinor == 7000);

        var csv = await api.Send(HttpMethod.Get, network.Url($"/rounds/{round}/payouts.csv"), null, network.Token);
        csv.Status.Should().Be(200);
        var rows = (await csv.Response.Content.ReadAsStringAsync()).Split("\r\n",
            StringSplitOptions.RemoveEmptyEntries);
        rows.Should().HaveCount(2);
        rows[1].Should().StartWith($"{bob.MemberId},Bob,30.00,EUR,OV-").And.Contain($",{jig},Router jig,");
        var integrity = await api.Get<IntegrityReport>(network.Url("/integrity"), network.Token);
        integrity.Expect(200).Intact.Should().BeTrue(integrity.Text);
    }

    [Fact]
    public async Task buckets_that_need_approval_wait_for_a_steward_and_a_cap_limits_each_member()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "90.00");
        var round = (await api.Opened(network, Round("90.00", cap: "10.00", approval: true))).RoundId;
        var jig = await api.Bucket(network, round, bob.Token, "5.00", "50.00");
        (await api.RoundOf(network, round)).BucketIn(jig).Status.Should().Be(BucketStatus.Proposed);
        (await api.Fund(network, round, jig, cem.Token, "1.00")).ShouldBeProblem(409, code: "bucket-not-approved");
        var approval = network.Url($"/rounds/{round}/buckets/{jig}/approval");
        (await api.Post(approval, new { }, bob.Token)).ShouldBeProblem(403, code: "role-required");
        var approved = await api.Post<BucketResponse>(approval, new { }, network.Token);
        approved.Expect(200).Status.Should().Be(BucketStatus.Open);
        (await api.Post(approval, new { }, network.Token)).ShouldBeProblem(409, code: "already-approved");

        // A cap of 10.00 per member per bucket: 6.00 and 4.00 reach it, one cent more passes it.
        await api.Funded(network, round, jig, cem.Token, "6.00");
        var funded = (await api.Fund(network, round, jig, cem.Token, "4.00")).Expect(200);
        (funded.Bucket.Total.Amount, funded.Budget.Remaining.Amount).Should().Be(("10.00", "20.00"));
        (await api.Fund(network, round, jig, cem.Token, "0.01")).ShouldBeProblem(409, code: "beyond-cap");
        var back = (await api.Fund(network, round, jig, cem.Token, "-2.50")).Expect(200);
        (back.Bucket.Total.Amount, back.Budget.Allocated.Amount).Should().Be(("7.50", "7.50"));
        (await api.Fund(network, round, jig, cem.Token, "-7.51")).ShouldBeProblem(409, code: "beyond-allocation");
        (await api.Fund(network, round, jig, bob.Token, "10.01")).ShouldBeProblem(409, code: "beyond-cap");
    }

    [Fact]
    public async Task members_move_budget_only_within_their_budget_and_the_window()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "30.00");
        var closesAt = WindowEnd();
        var round = (await api.Opened(network, Round("30.00", closesAt: closesAt))).RoundId;
        var jig = await api.Bucket(network, round, bob.Token, "1.00", "30.00");
        // 3000 cents / 3 = 10.00 each: 10.01 is one cent beyond Cem's budget.
        (await api.Fund(network, round, jig, cem.Token, "10.01")).ShouldBeProblem(409, code: "beyond-budget");
        var late = await api.Admit(network, "Dee", "user", "contributor");
        (await api.Fund(network, round, jig, late.Token, "1.00")).ShouldBeProblem(403, code: "no-budget");
        var idem = Treasury.Treasury.Key("fund-1");
        var first = await api.Fund(network, round, jig, cem.Token, "10.00", idem);
        var retry = await api.Fund(network, round, jig, cem.Token, "10.00", idem);
        (retry.Status, retry.Text).Should().Be((200, first.Text));
        (await api.RoundOf(network, round)).BucketIn(jig).Total.Amount.Should().Be("10.00",
            "a retry moves nothing twice");

        var now = app.Clock.GetCurrentInstant();
        app.Clock.Reset(NodaTime.Text.InstantPattern.ExtendedIso.Parse(closesAt).Value);
        try
        {
            (await api.Fund(network, round, jig, bob.Token, "1.00")).ShouldBeProblem(409, code: "window-ended");
            (await api.ProposeBucket(network, round, bob.Token, "1.00", "2.00")).ShouldBeProblem(409,
                code: "window-ended");
        }
        finally
        {
            app.Clock.Reset(now);
        }
    }

    [Fact]
    public async Task only_a_bucket_owner_or_a_steward_cancels_and_only_a_treasurer_opens_closes_and_exports()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "30.00");
        (await api.Post(network.Url("/rounds"), Round("30.00"), bob.Token)).ShouldBeProblem(403, code: "role-required");
        var round = (await api.Opened(network, Round("30.00"))).RoundId;
        var jig = await api.Bucket(network, round, bob.Token, "1.00", "30.00");
        var kiln = await api.Bucket(network, round, bob.Token, "1.00", "30.00");
        var before = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url($"/rounds/{round}/buckets/{jig}/cancellation"), new { }, cem.Token))
            .ShouldBeProblem(403, code: "not-bucket-owner");
        (await api.Post(network.Url($"/rounds/{round}/closing"), new { }, bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Get(network.Url($"/rounds/{round}/payouts.csv"), bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Get(network.Url($"/rounds/{round}/payouts.csv"), network.Token)).ShouldBeProblem(409,
            code: "not-closed");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
        (await api.Post(network.Url($"/rounds/{round}/buckets/{jig}/cancellation"), new { },
            bob.Token)).Status.Should().Be(200);
        (await api.Post(network.Url($"/rounds/{round}/buckets/{kiln}/cancellation"), new { }, network.Token)).Status
            .Should().Be(200, "a steward may cancel any bucket");
        (await api.Post(network.Url($"/rounds/{round}/buckets/{kiln}/cancellation"), new { }, network.Token)).Status
            .Should().Be(200, "cancelling a cancelled bucket changes nothing");
        (await app.EventCount(network.NetworkId)).Should().Be(before + 2);
        (await api.Fund(network, round, jig, cem.Token, "1.00")).ShouldBeProblem(409, code: "bucket-cancelled");
    }

    [Theory]
    [InlineData("", "1.00", "equal", "2030-01-01T00:00:00Z", "title")]
    [InlineData("Q", "1.001", "equal", "2030-01-01T00:00:00Z", "amount.amount")]
    [InlineData("Q", "1.00", "lottery", "2030-01-01T00:00:00Z", "budget")]
    [InlineData("Q", "1.00", "equal", "2020-01-01T00:00:00Z", "closesAt")]
    [InlineData("Q", "1.00", "equal", null, "closesAt")]
    public async Task a_bad_opening_is_a_problem_naming_its_field_and_appends_nothing(
        string title, string amount, string budget, string? closesAt, string field)
    {
        var body = new { title, amount = Treasury.Treasury.Eur(amount), budget, closesAt };
        var network = await api.Found();
        await api.RecordIncome(network, "10.00");
        var before = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url("/rounds"), body, network.Token)).ShouldBeProblem(400, field);
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task bad_buckets_and_fundings_are_problems_naming_their_field()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "30.00");
        var round = (await api.Opened(network, Round("30.00"))).RoundId;
        var jig = await api.Bucket(network, round, bob.Token, "1.00", "30.00");
        var before = await app.EventCount(network.NetworkId);
        (await api.ProposeBucket(network, round, bob.Token, "2.00", "1.00")).ShouldBeProblem(400, "maxGoal.amount");
        (await api.ProposeBucket(network, round, bob.Token, "1.00", "30.01")).ShouldBeProblem(400, "maxGoal.amount");
        (await api.ProposeBucket(network, round, bob.Token, "0.00", "1.00")).ShouldBeProblem(400, "minGoal.amount");
        (await api.Fund(network, round, jig, bob.Token, "0.00")).ShouldBeProblem(400, "amount.amount");
        (await api.Fund(network, round, jig, bob.Token, "1.005")).ShouldBeProblem(400, "amount.amount");
        (await api.Fund(network, round, Guid.NewGuid(), bob.Token, "1.00")).ShouldBeProblem(404,
            code: "bucket-not-found");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task another_networks_rounds_are_not_found_and_rounds_are_listed_newest_first()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "30.00");
        var first = (await api.Opened(network, Round("10.00"))).RoundId;
        var second = (await api.Opened(network, Round("20.00"))).RoundId;
        var jig = await api.Bucket(network, second, bob.Token, "1.00", "2.00");
        var list = (await api.Get<RoundPage>(network.Url("/rounds"), bob.Token)).Expect(200);
        list.Items.Select(r => r.RoundId).Should().Equal(second, first);
        list.Items[0].BucketCount.Should().Be(1);

        var other = await api.Found("Elsewhere");
        var elsewhere = other.Url($"/rounds/{second}");
        (await api.Get(elsewhere, other.Token)).ShouldBeProblem(404, code: "round-not-found");
        (await api.Post(other.Url($"/rounds/{second}/closing"), new { }, other.Token)).ShouldBeProblem(404,
            code: "round-not-found");
        (await api.Post(other.Url($"/rounds/{second}/buckets"), new { title = "x", minGoal = Treasury.Treasury.Eur("1"),
            maxGoal = Treasury.Treasury.Eur("1") }, other.Token)).ShouldBeProblem(404, code: "round-not-found");
        (await api.Post(other.Url($"/rounds/{second}/buckets/{jig}/funding"),
            new { amount = Treasury.Treasury.Eur("1.00") },
            other.Token)).ShouldBeProblem(404, code: "round-not-found");
        (await api.Get(network.Url($"/rounds/{second}"), other.Token)).ShouldBeProblem(404, code: "network-not-found");
        (await api.Get<RoundPage>(other.Url("/rounds"), other.Token)).Expect(200).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task opening_and_closing_retried_with_their_key_answer_as_the_first_time()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "30.00");
        var key = Treasury.Treasury.Key("open-1");
        var body = Round("30.00");
        var first = await api.Post<RoundResponse>(network.Url("/rounds"), body, network.Token, key);
        first.Expect(201);
        var retry = await api.Post<RoundResponse>(network.Url("/rounds"), body, network.Token, key);
        (retry.Status, retry.Text).Should().Be((201, first.Text));
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await api.Post(network.Url("/rounds"), Round("1.00"), network.Token, key)).ShouldBeProblem(422,
            code: "idempotency-key-reused");
        (await api.Get<RoundPage>(network.Url("/rounds"), network.Token)).Expect(200).TotalCount.Should().Be(1);

        var round = first.Body!.RoundId;
        var closing = network.Url($"/rounds/{round}/closing");
        var closed = await api.Post(closing, new { }, network.Token, Treasury.Treasury.Key("close-1"));
        closed.Status.Should().Be(200, closed.Body?.ToJsonString());
        (await api.Post(closing, new { }, network.Token, Treasury.Treasury.Key("close-1"))).Body!.ToJsonString()
            .Should().Be(closed.Body!.ToJsonString());
        (await api.Ledger(network)).Undistributed.Amount.Should().Be("30.00", "nothing was funded, all returned");
    }

    [Fact]
    public async Task opening_stores_the_scheduled_closing_in_the_same_transaction()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "30.00");
        var round = (await api.Opened(network, Round("30.00"))).RoundId;
        var stored = await app.Scalar<long>(
            "select count(*) from openvalue.wolverine_incoming_envelopes " +
            "where message_type like '%CloseRoundAtWindowEnd%' " +
            "and status = 'Scheduled' and position(convert_to($1, 'UTF8') in body) > 0", round.ToString());
        stored.Should().Be(1);
    }
}
