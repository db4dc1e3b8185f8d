using NodaTime;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class reversing_income(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Reversal(Guid incomeId) => $"/income/{incomeId}/reversal";

    private async Task<Guid> Recorded(FoundedNetwork network, string amount)
    {
        var recorded = await api.Post<IncomeRecordedResponse>(network.Url("/income"),
            Treasury.Income(amount, source: "licence-fee"), network.Token);
        return recorded.Expect(201).IncomeId;
    }

    /// <summary>
    /// A licence fee of 150.00 recorded twice (300.00), 90.00 paid out pro-rata to three equal members (30.00 each),
    /// then the second record reversed: 150.00 net income, 90.00 distributed, 60.00 undistributed. As of a moment
    /// before the reversal the ledger still reads 300.00 and 210.00.
    /// </summary>
    [Fact]
    public async Task income_recorded_twice_is_reversed_once_and_the_ledger_shows_recorded_reversed_and_net_income() =>
        await app.WithClock(async () =>
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await Recorded(network, "150.00");
        var twice = await Recorded(network, "150.00");
        await api.Paid(network, (await api.Proposed(network, "90.00")).DistributionId);
        var before = app.Clock.GetCurrentInstant();
        app.Advance(Duration.FromHours(2));

        var reversed = (await api.Post<IncomeResponse>(network.Url(Reversal(twice)), new { reason = "recorded twice" },
            network.Token)).Expect(200);
        (reversed.IncomeId, reversed.Reversed, reversed.ReversedBy, reversed.ReversalReason)
            .Should().Be((twice, true, (Guid?)network.MemberId, "recorded twice"));
        var at = app.Clock.GetCurrentInstant();
        reversed.ReversedAt.Should().Be(at);

        var ledger = await api.Ledger(network);
        Income(ledger).Should().Be(("300.00", "150.00", "150.00", "150.00"));
        (ledger.Paid.Amount, ledger.Distributed.Amount, ledger.Undistributed.Amount).Should().Be(("90.00",
            "90.00", "60.00"));
        var pool = ledger.Pools[0].Totals;
        Income(pool).Should().Be(("300.00", "150.00", "150.00", "150.00"));
        pool.Undistributed.Amount.Should().Be("60.00");

        var past = await AsOf(network, before);
        Income(past).Should().Be(("300.00", "0.00", "300.00", "300.00"));
        (past.Distributed.Amount, past.Undistributed.Amount).Should().Be(("90.00", "210.00"));
        past.AsOf.Should().Be(before);
        Income(await AsOf(network, at)).Should().Be(("300.00", "150.00", "150.00", "150.00"));

        var events = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url(Reversal(twice)), new { reason = "again" }, network.Token)).ShouldBeProblem(409,
            code: "already-reversed");
        (await app.EventCount(network.NetworkId)).Should().Be(events);
        (await app.Events(network.NetworkId, DerivedIds.Pool(network.NetworkId, null))).Select(e => e.Data.GetType()
            .Name)
            .Should().Equal(nameof(IncomeRecorded), nameof(IncomeRecorded), nameof(DistributionReserved),
                nameof(IncomeReversed));

        // Every member sees that and when it was reversed, and by whom; the reason, like the note, only treasurers.
        var asBob = (await api.Get<IncomeResponse>(network.Url($"/income/{twice}"), bob.Token)).Expect(200);
        (asBob.Reversed, asBob.ReversedBy, asBob.ReversedAt)
            .Should().Be((true, (Guid?)network.MemberId, (Instant?)at));
        (asBob.ReversalReason, asBob.Note).Should().Be(((string?)null, (string?)null));
        var list = (await api.Get<IncomePage>(network.Url("/income"), network.Token)).Expect(200);
        list.Items.Select(i => (i.Reversed, i.ReversalReason))
            .Should().BeEquivalentTo([(true, "recorded twice"), (false, (string?)null)]);
        (await api.Integrity(network)).Intact.Should().BeTrue();
    });

    private static (string, string, string, string) Income(LedgerResponse ledger) =>
        (ledger.RecordedIncome.Amount, ledger.ReversedIncome.Amount, ledger.NetIncome.Amount, ledger.Income.Amount);

    private static (string, string, string, string) Income(LedgerTotals totals) =>
        (totals.RecordedIncome.Amount, totals.ReversedIncome.Amount, totals.NetIncome.Amount, totals.Income.Amount);

    private async Task<LedgerResponse> AsOf(FoundedNetwork network, Instant moment) =>
        (await api.Get<LedgerResponse>(network.Url($"/ledger?asOf={Uri.EscapeDataString(moment.ToString())}"),
            network.Token)).Expect(200);

    [Fact]
    public async Task income_the_pool_no_longer_holds_is_refused_naming_the_distributions_that_took_it()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        var income = await Recorded(network, "100.00");
        var proposed = (await api.Proposed(network, "80.00")).DistributionId;
        var events = await app.EventCount(network.NetworkId);

        var refused = await api.Post(network.Url(Reversal(income)), new { reason = "never arrived" }, network.Token);
        var problem = refused.ShouldBeProblem(409, code: "income-distributed");
        problem.Extension<Guid[]>("distributionIds").Should().Equal(proposed);
        problem.Detail.Should().Contain("20.00 EUR of it is undistributed");
        (await app.EventCount(network.NetworkId)).Should().Be(events);

        (await api.Post(network.Url($"/distributions/{proposed}/cancellation"), new { reason = "income in error" },
            network.Token)).Status.Should().Be(200);
        (await api.Post(network.Url(Reversal(income)), new { reason = "never arrived" }, network.Token)).Status.Should()
            .Be(200);
        var ledger = await api.Ledger(network);
        (ledger.Income.Amount, ledger.ReversedIncome.Amount, ledger.Undistributed.Amount).Should().Be(("0.00",
            "100.00", "0.00"));
        (await api.Propose(network, "0.01")).ShouldBeProblem(409, code: "insufficient-funds");
    }

    [Fact]
    public async Task only_treasurers_reverse_with_a_reason_income_of_their_own_network()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        var income = await Recorded(network, "10.00");
        var other = await api.Found("Other");
        var theirs = await Recorded(other, "10.00");
        var events = await app.EventCount(network.NetworkId);

        (await api.Post(network.Url(Reversal(income)), new { reason = "x" }, bob.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await api.Post(network.Url(Reversal(income)), new { reason = " " }, network.Token)).ShouldBeProblem(400,
            "reason");
        (await api.Post(network.Url(Reversal(income)), new { }, network.Token)).ShouldBeProblem(400, "reason");
        (await api.Post(network.Url(Reversal(theirs)), new { reason = "x" }, network.Token)).ShouldBeProblem(404,
            code: "income-not-found");
        (await api.Post(network.Url(Reversal(Guid.NewGuid())), new { reason = "x" }, network.Token))
            .ShouldBeProblem(404, code: "income-not-found");
        (await api.Post(other.Url(Reversal(theirs)), new { reason = "x" }, network.Token)).ShouldBeProblem(404,
            code: "network-not-found");
        (await app.EventCount(network.NetworkId)).Should().Be(events);
        (await app.EventCount(other.NetworkId)).Should().Be(3);
    }

    [Fact]
    public async Task a_reversal_retried_with_its_key_is_answered_as_the_first_time_and_treasurers_see_it_in_the_feed()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        var income = await Recorded(network, "10.00");
        var first = await api.Post(network.Url(Reversal(income)), new { reason = "test entry" }, network.Token,
            Treasury.Key("reverse-income-1"));
        first.Status.Should().Be(200, first.Body?.ToJsonString());
        var retry = await api.Post(network.Url(Reversal(income)), new { reason = "test entry" }, network.Token,
            Treasury.Key("reverse-income-1"));
        (retry.Status, retry.Body!.ToJsonString()).Should().Be((200, first.Body!.ToJsonString()));
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await api.Post(network.Url(Reversal(income)), new { reason = "other" }, network.Token,
            Treasury.Key("reverse-income-1")))
            .ShouldBeProblem(422, code: "idempotency-key-reused");

        var entry = (await api.Activity(network, network.Token)).Items.First();
        (entry.Type, entry.IncomeId, entry.Summary)
            .Should().Be(("income-reversed", (Guid?)income, "Reversed income of 10.00 EUR: test entry."));
        (await api.Activity(network, bob.Token)).Types().Should().NotContain(["income-reversed", "income-recorded"]);
    }
}
