using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class reissuing_payouts(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Reissue(Guid payoutId) => $"/payouts/{payoutId}/reissue";

    /// <summary>Three equal members, 100.00 of income, 90.00 paid (30.00 each), and Bob's payout reversed.</summary>
    private async Task<(FoundedNetwork Network, Member Bob, Guid Distribution, PayoutResponse Bobs,
        IReadOnlyList<PayoutResponse> Payouts)> BobsPayoutReversed(string income = "100.00")
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, income);
        var id = (await api.Proposed(network, "90.00")).DistributionId;
        var payouts = (await api.Paid(network, id)).Payouts;
        var bobs = payouts.Single(p => p.MemberId == bob.MemberId);
        var reversed = await api.Post<PayoutResponse>(network.Url($"/payouts/{bobs.PayoutId}/reversal"),
            new { reason = "IBAN closed" }, network.Token);
        reversed.Expect(200).Reversed.Should().BeTrue();
        return (network, bob, id, bobs, payouts);
    }

    /// <summary>
    /// 100.00 in, 90.00 paid as 30.00 each; Bob's 30.00 bounces (paid 90.00, reversed 30.00, distributed 60.00,
    /// undistributed 40.00, Bob 0.00) and is reissued: paid 120.00, reversed 30.00, distributed 90.00,
    /// undistributed 10.00, Bob 30.00 again, and the CSV lists his new payout in place of the old one.
    /// </summary>
    [Fact]
    public async Task a_reversed_payout_is_paid_again_once_with_its_own_id_and_reference()
    {
        var (network, bob, id, bobs, payouts) = await BobsPayoutReversed();
        var ledger = await api.Ledger(network);
        Money(ledger).Should().Be(("90.00", "30.00", "60.00", "40.00"));
        Paid(ledger, bob).Should().Be("0.00");

        var reply = await api.Post<PayoutResponse>(network.Url(Reissue(bobs.PayoutId)), null, network.Token);
        var reissued = reply.Expect(201);
        reply.Response.Headers.Location!.ToString().Should().Be(network.Url($"/distributions/{id}"));
        var newId = reissued.PayoutId;
        newId.Should().Be(DerivedIds.Reissue(bobs.PayoutId));
        (reissued.Reference, reissued.MemberId, reissued.Amount.Amount, reissued.Reversed, reissued.ReissueOf)
            .Should().Be((bobs.Reference + "-R1", bob.MemberId, "30.00", false, (Guid?)bobs.PayoutId));

        ledger = await api.Ledger(network);
        Money(ledger).Should().Be(("120.00", "30.00", "90.00", "10.00"));
        Paid(ledger, bob).Should().Be("30.00");
        ledger.Members.Select(m => m.Paid.Amount).Should().Equal("30.00", "30.00", "30.00");

        var distribution = await api.Get<DistributionResponse>(network.Url($"/distributions/{id}"), network.Token);
        var all = distribution.Expect(200).Payouts;
        all.Should().HaveCount(4);
        all.Single(p => p.PayoutId == bobs.PayoutId).ReissuedAs.Should().Be(newId);

        var csv = await Csv(network, id);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
        rows.Select(r => (r[0], r[2], r[4])).Should().Equal(payouts
            .Where(p => p.MemberId != bob.MemberId)
            .Select(p => (p.MemberId.ToString(), "30.00", p.Reference))
            .Append((bob.MemberId.ToString(), "30.00", bobs.Reference + "-R1")));

        var events = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url(Reissue(bobs.PayoutId)), null, network.Token))
            .ShouldBeProblem(409, code: "already-reissued");
        (await api.Post(network.Url(Reissue(payouts[0].PayoutId == bobs.PayoutId
            ? payouts[1].PayoutId : payouts[0].PayoutId)), null, network.Token))
            .ShouldBeProblem(409, code: "not-reversed");
        (await api.Post(network.Url(Reissue(newId)), null, network.Token)).ShouldBeProblem(409, code: "not-reversed");
        (await api.Post(network.Url(Reissue(Guid.NewGuid())), null, network.Token)).ShouldBeProblem(404,
            code: "payout-not-found");
        (await app.EventCount(network.NetworkId)).Should().Be(events);

        (await app.Events(network.NetworkId, id)).Select(e => e.Data.GetType().Name).Should()
            .Equal(nameof(DistributionProposed), nameof(PayoutsIssued), nameof(PayoutReversed), nameof(PayoutReissued));
        (await app.Events(network.NetworkId, DerivedIds.Pool(network.NetworkId, null))).Select(e => e.Data.GetType()
            .Name).Should()
            .Equal(nameof(IncomeRecorded), nameof(DistributionReserved), nameof(PayoutReturned), nameof(PayoutRedrawn));
        (await api.Integrity(network)).Intact.Should().BeTrue();

        // The reissue bounces too: it can be reversed like any payout, and Bob is owed again.
        (await api.Post(network.Url($"/payouts/{newId}/reversal"), new { reason = "bounced again" }, network.Token))
            .Status.Should().Be(200);
        ledger = await api.Ledger(network);
        Money(ledger).Should().Be(("120.00", "60.00", "60.00", "40.00"));
        Paid(ledger, bob).Should().Be("0.00");
        (await Csv(network, id)).Should().NotContain(bob.MemberId.ToString());
        (await api.Integrity(network)).Intact.Should().BeTrue();
    }

    private static (string Paid, string Reversed, string Distributed, string Undistributed) Money(
        LedgerResponse ledger) =>
        (ledger.Paid.Amount, ledger.Reversed.Amount, ledger.Distributed.Amount,
            ledger.Undistributed.Amount);

    private static string Paid(LedgerResponse ledger, Member member) =>
        ledger.Members.Single(m => m.MemberId == member.MemberId).Paid.Amount;

    [Fact]
    public async Task a_pool_that_no_longer_has_the_money_refuses_the_reissue_and_appends_nothing()
    {
        var (network, _, _, bobs, _) = await BobsPayoutReversed("90.00");
        var other = (await api.Proposed(network, "20.00")).DistributionId;
        var events = await app.EventCount(network.NetworkId);
        var refused = await api.Post(network.Url(Reissue(bobs.PayoutId)), null, network.Token);
        refused.ShouldBeProblem(409, code: "insufficient-funds").Detail.Should().Contain("10.00 EUR undistributed");
        (await app.EventCount(network.NetworkId)).Should().Be(events);

        (await api.Post(network.Url($"/distributions/{other}/cancellation"), new { }, network.Token)).Status.Should()
            .Be(200);
        (await api.Post(network.Url(Reissue(bobs.PayoutId)), null, network.Token))
            .Status.Should().Be(201);
        (await api.Ledger(network)).Undistributed.Amount.Should().Be("0.00");
    }

    [Fact]
    public async Task only_treasurers_reissue_and_only_payouts_of_their_own_network()
    {
        var (network, bob, _, bobs, _) = await BobsPayoutReversed();
        var (elsewhere, _, _, theirs, _) = await BobsPayoutReversed();
        var events = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url(Reissue(bobs.PayoutId)), null, bob.Token))
            .ShouldBeProblem(403, code: "role-required");
        (await api.Post(network.Url(Reissue(theirs.PayoutId)), null, network.Token))
            .ShouldBeProblem(404, code: "payout-not-found");
        (await api.Post(elsewhere.Url(Reissue(theirs.PayoutId)), null, network.Token))
            .ShouldBeProblem(404, code: "network-not-found");
        (await app.EventCount(network.NetworkId)).Should().Be(events);
    }

    [Fact]
    public async Task a_reissue_retried_with_its_key_answers_as_the_first_time_and_concurrent_ones_pay_once()
    {
        var (network, bob, id, bobs, _) = await BobsPayoutReversed();
        var url = network.Url(Reissue(bobs.PayoutId));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.Post(url, null, network.Token,
            Treasury.Key("reissue-1"))));
        results.Should().OnlyContain(r => r.Status == 201, string.Join("\n", results.Select(r =>
            r.Body?.ToJsonString())));
        results.Select(r => r.Body!.ToJsonString()).Distinct().Should().ContainSingle();
        results.Count(r => r.Response.Headers.Contains("Idempotent-Replayed")).Should().Be(9);

        var raced = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.Post(url, null, network.Token)));
        raced.Should().OnlyContain(r => r.Status == 409, string.Join("\n", raced.Select(r => r.Body?.ToJsonString())));
        (await app.Events(network.NetworkId, id)).Count(e => e.Data is PayoutReissued).Should().Be(1);
        (await app.Events(network.NetworkId, DerivedIds.Pool(network.NetworkId, null))).Count(e =>
            e.Data is PayoutRedrawn).Should().Be(1);

        var entry = (await api.Activity(network, bob.Token)).Items.First();
        (entry.Type, entry.MemberId, entry.Summary)
            .Should().Be(("payout-reissued", (Guid?)bob.MemberId,
                $"Reissued a reversed payout as {bobs.Reference}-R1."));
    }

    private async Task<string> Csv(FoundedNetwork network, Guid id)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, network.Url($"/distributions/{id}/payouts.csv"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", network.Token);
        var response = await client.SendAsync(request);
        ((int)response.StatusCode).Should().Be(200);
        return await response.Content.ReadAsStringAsync();
    }
}
