using Marten;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class settling_a_distribution(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private async Task<(FoundedNetwork Network, Member Bob, Member Cem)> TwoTreasurers(string income = "100.00")
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        (await api.Post(network.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer" } },
            network.Token)).Status.Should().Be(200);
        await api.WithoutCoolingOff(network);
        await api.RecordIncome(network, income);
        return (network, bob, cem);
    }

    [Fact]
    public async Task with_two_treasurers_the_proposer_cannot_approve_and_payouts_wait_for_the_other()
    {
        var (network, bob, _) = await TwoTreasurers();
        var proposed = await api.Proposed(network, "90.00");
        proposed.Status.Should().Be(DistributionStatus.Proposed);
        proposed.SecondApprovalRequired.Should().BeTrue();
        var id = proposed.DistributionId;
        var before = await app.EventCount(network.NetworkId);

        (await api.Post(network.Url($"/distributions/{id}/approval"), new { }, network.Token)).ShouldBeProblem(403,
            code: "self-approval");
        (await api.Post(network.Url($"/distributions/{id}/payouts"), new { }, network.Token)).ShouldBeProblem(409,
            code: "not-approved");
        (await app.EventCount(network.NetworkId)).Should().Be(before);

        var approved = (await api.Post<DistributionResponse>(network.Url($"/distributions/{id}/approval"), new { },
            bob.Token)).Expect(200);
        approved.Status.Should().Be(DistributionStatus.Approved);
        approved.ApprovedBy.Should().Be(bob.MemberId);
        (await api.Post(network.Url($"/distributions/{id}/approval"), new { }, bob.Token)).ShouldBeProblem(409,
            code: "already-approved");
        (await api.Paid(network, id)).Payouts.Select(p => p.Amount.Amount).Should().Equal("30.00", "30.00", "30.00");
    }

    [Fact]
    public async Task approvals_reversals_and_payouts_retried_with_their_key_answer_as_the_first_time()
    {
        var (network, bob, _) = await TwoTreasurers();
        var id = (await api.Proposed(network, "90.00")).DistributionId;
        var approval = network.Url($"/distributions/{id}/approval");
        var first = await api.Post<DistributionResponse>(approval, new { }, bob.Token, Treasury.Key("approve-1"));
        first.Expect(200);
        var retry = await api.Post<DistributionResponse>(approval, new { }, bob.Token, Treasury.Key("approve-1"));
        (retry.Status, retry.Text).Should().Be((200, first.Text));
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");

        var payouts = network.Url($"/distributions/{id}/payouts");
        var paid = await api.Post<PayoutsResponse>(payouts, new { }, network.Token, Treasury.Key("pay-1"));
        (await api.Post<PayoutsResponse>(payouts, new { }, network.Token, Treasury.Key("pay-1"))).Text.Should()
            .Be(paid.Text);

        var reversal = network.Url($"/payouts/{paid.Expect(200).Payouts[0].PayoutId}/reversal");
        var reversed = await api.Post<PayoutResponse>(reversal, new { reason = "bounced" }, network.Token,
            Treasury.Key("reverse-1"));
        reversed.Expect(200);
        (await api.Post<PayoutResponse>(reversal, new { reason = "bounced" }, network.Token,
            Treasury.Key("reverse-1"))).Text.Should().Be(reversed.Text);
        (await api.Post(reversal, new { reason = "other" }, network.Token, Treasury.Key("reverse-1")))
            .ShouldBeProblem(422, code: "idempotency-key-reused");
        (await api.Ledger(network)).Reversed.Amount.Should().Be("30.00");
    }

    [Fact]
    public async Task non_treasurers_are_refused_everywhere()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        var id = (await api.Proposed(network, "10.00")).DistributionId;
        (await api.Propose(network, "1.00", token: bob.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Post(network.Url($"/distributions/{id}/approval"), new { }, bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Post(network.Url($"/distributions/{id}/payouts"), new { }, bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Post(network.Url($"/distributions/{id}/cancellation"), new { }, bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Get(network.Url($"/distributions/{id}/payouts.csv"), bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Get(network.Url($"/distributions/{id}"), bob.Token)).Status.Should().Be(200,
            "any member may read a distribution");
        (await api.Get(network.Url("/ledger"), bob.Token)).Status.Should().Be(200, "any member may read the ledger");
    }

    [Theory]
    [InlineData("-1.00", "EUR", "amount.amount")]
    [InlineData("1.001", "EUR", "amount.amount")]
    [InlineData("1.00", "GBP", "amount.currency")]
    public async Task bad_amounts_are_problems_and_append_nothing(string amount, string currency, string field)
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        var before = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url("/distributions"), new { amount = Treasury.Eur(amount, currency),
            policy = "pro-rata" }, network.Token))
            .ShouldBeProblem(400, field);
        (await api.Post(network.Url("/distributions"), new { amount = Treasury.Eur("1.00"), policy = "equal" },
            network.Token))
            .ShouldBeProblem(400, "policy");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task cancelling_returns_the_reservation_and_a_paid_distribution_cannot_be_cancelled()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        var first = (await api.Proposed(network, "10.00")).DistributionId;
        (await api.Propose(network, "0.01")).ShouldBeProblem(409, code: "insufficient-funds");

        var cancelled = (await api.Post<DistributionResponse>(network.Url($"/distributions/{first}/cancellation"),
            new { reason = "wrong month" }, network.Token)).Expect(200);
        cancelled.Status.Should().Be(DistributionStatus.Cancelled);
        cancelled.CancellationReason.Should().Be("wrong month");
        (await api.Post(network.Url($"/distributions/{first}/payouts"), new { }, network.Token)).ShouldBeProblem(409,
            code: "cancelled");
        (await api.Ledger(network)).Undistributed.Amount.Should().Be("10.00");

        var second = (await api.Proposed(network, "10.00")).DistributionId;
        await api.Paid(network, second);
        (await api.Post(network.Url($"/distributions/{second}/cancellation"), new { }, network.Token))
            .ShouldBeProblem(409, code: "already-paid");
        (await api.Get(network.Url($"/distributions/{Guid.NewGuid()}"), network.Token)).ShouldBeProblem(404,
            code: "distribution-not-found");
    }

    [Fact]
    public async Task a_reversed_payout_returns_its_money_to_the_pool_once()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        var id = (await api.Proposed(network, "10.00")).DistributionId;
        var payout = (await api.Paid(network, id)).Payouts[0];
        var payoutId = payout.PayoutId;
        payout.Reference.Should().Be(Settling.Reference(id, 1));

        (await api.Post(network.Url($"/payouts/{payoutId}/reversal"), new { reason = "" }, network.Token))
            .ShouldBeProblem(400, "reason");
        var reversed = await api.Post<PayoutResponse>(network.Url($"/payouts/{payoutId}/reversal"),
            new { reason = "IBAN closed" }, network.Token);
        reversed.Expect(200).Reversed.Should().BeTrue();
        (await api.Post(network.Url($"/payouts/{payoutId}/reversal"), new { reason = "again" }, network.Token))
            .ShouldBeProblem(409, code: "already-reversed");
        (await api.Post(network.Url($"/payouts/{Guid.NewGuid()}/reversal"), new { reason = "x" }, network.Token))
            .ShouldBeProblem(404, code: "payout-not-found");

        var ledger = await api.Ledger(network);
        (ledger.Paid.Amount, ledger.Reversed.Amount, ledger.Distributed.Amount, ledger.Undistributed.Amount)
            .Should().Be(("10.00", "3.34", "6.66", "3.34"));
        var pool = (await app.Events(network.NetworkId, DerivedIds.Pool(network.NetworkId, null))).Select(e =>
            e.Data.GetType().Name);
        pool.Should().Equal(nameof(IncomeRecorded), nameof(DistributionReserved), nameof(PayoutReturned));

        // Rebuilds must equal live: the stored inline documents are exactly a fresh fold of their streams.
        await using var session = app.Store.QuerySession(network.NetworkId.ToString());
        var poolId = DerivedIds.Pool(network.NetworkId, null);
        (await session.Events.AggregateStreamAsync<Pool>(poolId)).Should()
            .BeEquivalentTo(await session.LoadAsync<Pool>(poolId));
        (await session.Events.AggregateStreamAsync<Distribution>(id)).Should()
            .BeEquivalentTo(await session.LoadAsync<Distribution>(id));
        (await session.LoadAsync<Pool>(poolId))!.AvailableMinor.Should().Be(334);
    }
}
