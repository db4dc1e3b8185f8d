using NodaTime;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class reversing_income(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Reversal(Guid incomeId) => $"/income/{incomeId}/reversal";

    private async Task<Guid> Recorded(FoundedNetwork network, string amount)
    {
        var (status, body, _) = await api.Post(network.Url("/income"), Treasury.Income(amount, source: "licence-fee"),
            network.Token);
        status.Should().Be(201, body?.ToJsonString());
        return Guid.Parse(body!["incomeId"]!.GetValue<string>());
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
        await api.Paid(network, (await api.Proposed(network, "90.00")).IdOf());
        var before = app.Clock.GetCurrentInstant();
        app.Advance(Duration.FromHours(2));

        var (status, reversed, _) = await api.Post(network.Url(Reversal(twice)), new { reason = "recorded twice" },
            network.Token);
        status.Should().Be(200, reversed?.ToJsonString());
        (reversed!["incomeId"]!.GetValue<string>(), reversed["reversed"]!.GetValue<bool>(),
            reversed["reversedBy"]!.GetValue<string>(),
                reversed["reversalReason"]!.GetValue<string>())
            .Should().Be((twice.ToString(), true, network.MemberId.ToString(), "recorded twice"));
        var at = app.Clock.GetCurrentInstant();
        reversed["reversedAt"]!.GetValue<string>().Should().Be(at.ToString());

        var ledger = await api.Ledger(network);
        Income(ledger).Should().Be(("300.00", "150.00", "150.00", "150.00"));
        (ledger.Amount("paid"), ledger.Amount("distributed"), ledger.Amount("undistributed")).Should().Be(("90.00",
            "90.00", "60.00"));
        var pool = ledger["pools"]![0]!["totals"]!;
        Income(pool).Should().Be(("300.00", "150.00", "150.00", "150.00"));
        pool.Amount("undistributed").Should().Be("60.00");

        var past = await AsOf(network, before);
        Income(past).Should().Be(("300.00", "0.00", "300.00", "300.00"));
        (past.Amount("distributed"), past.Amount("undistributed")).Should().Be(("90.00", "210.00"));
        past["asOf"]!.GetValue<string>().Should().Be(before.ToString());
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
        var (_, asBob, _) = await api.Get(network.Url($"/income/{twice}"), bob.Token);
        (asBob!["reversed"]!.GetValue<bool>(), asBob["reversedBy"]!.GetValue<string>(),
            asBob["reversedAt"]!.GetValue<string>())
            .Should().Be((true, network.MemberId.ToString(), at.ToString()));
        (asBob["reversalReason"], asBob["note"]).Should().Be((null, null));
        var (_, list, _) = await api.Get(network.Url("/income"), network.Token);
        list!["items"]!.AsArray().Select(i => (i!["reversed"]!.GetValue<bool>(),
            i["reversalReason"]?.GetValue<string>()))
            .Should().BeEquivalentTo([(true, "recorded twice"), (false, (string?)null)]);
        (await api.Integrity(network)).Intact.Should().BeTrue();
    });

    private static (string, string, string, string) Income(System.Text.Json.Nodes.JsonNode totals) =>
        (totals.Amount("recordedIncome"), totals.Amount("reversedIncome"), totals.Amount("netIncome"),
            totals.Amount("income"));

    private async Task<System.Text.Json.Nodes.JsonNode> AsOf(FoundedNetwork network, Instant moment)
    {
        var (status, body, _) = await api.Get(network.Url($"/ledger?asOf={Uri.EscapeDataString(moment.ToString())}"),
            network.Token);
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    [Fact]
    public async Task income_the_pool_no_longer_holds_is_refused_naming_the_distributions_that_took_it()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        var income = await Recorded(network, "100.00");
        var proposed = (await api.Proposed(network, "80.00")).IdOf();
        var events = await app.EventCount(network.NetworkId);

        var refused = await api.Post(network.Url(Reversal(income)), new { reason = "never arrived" }, network.Token);
        refused.ShouldBeProblem(409, code: "income-distributed");
        refused.Body!["distributionIds"]!.AsArray().Select(i => i!.GetValue<string>()).Should()
            .Equal(proposed.ToString());
        refused.Body["detail"]!.GetValue<string>().Should().Contain("20.00 EUR of it is undistributed");
        (await app.EventCount(network.NetworkId)).Should().Be(events);

        (await api.Post(network.Url($"/distributions/{proposed}/cancellation"), new { reason = "income in error" },
            network.Token)).Status.Should().Be(200);
        (await api.Post(network.Url(Reversal(income)), new { reason = "never arrived" }, network.Token)).Status.Should()
            .Be(200);
        var ledger = await api.Ledger(network);
        (ledger.Amount("income"), ledger.Amount("reversedIncome"), ledger.Amount("undistributed")).Should().Be(("0.00",
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
