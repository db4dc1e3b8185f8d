using OpenValue.Api.Budgeting;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Tests.Budgeting;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Treasury;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>
/// <c>GET …/members/{m}/payouts</c>: every payout to one member, newest first, from a document per payout. Ada, Bob
/// and Cem hold equal shares (800 points each); 200.00 EUR of income; 90.00 pro-rata is 30.00 each, then 30.00 is
/// 10.00 each; a co-budgeting round of 30.00 gives each a 10.00 budget, and Bob's bucket, funded 10.00 by Ada and
/// 5.00 by Cem, pays Bob 15.00 at the closing. Bob has been paid 30.00 + 10.00 + 15.00 = 55.00.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class a_members_payouts(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private sealed record Paid(FoundedNetwork Network, Member Bob, Member Cem, Guid First, Guid Second, Guid Round);

    private async Task<Paid> BobPaidThreeTimes()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "200.00");
        var first = (await api.Proposed(network, "90.00")).DistributionId;
        await api.Paid(network, first);
        var second = (await api.Proposed(network, "30.00", "pro-rata")).DistributionId;
        await api.Paid(network, second);
        var round = (await api.Opened(network, Rounds.Round("30.00"))).RoundId;
        var bucket = await api.Bucket(network, round, bob.Token, "5.00", "20.00");
        await api.Funded(network, round, bucket, network.Token, "10.00");
        await api.Funded(network, round, bucket, cem.Token, "5.00");
        (await api.Post<RoundResponse>(network.Url($"/rounds/{round}/closing"), new { }, network.Token)).Expect(200);
        return new Paid(network, bob, cem, first, second, round);
    }

    private async Task<MemberPayoutPage> Payouts(FoundedNetwork network, Member member, string? token = null,
        string query = "") =>
        (await api.Get<MemberPayoutPage>(network.Url($"/members/{member.MemberId}/payouts{query}"),
            token ?? member.Token)).Expect(200);

    private static IEnumerable<(PayoutSource Source, string Amount, PayoutStatus Status)> Figures(
        MemberPayoutPage list) =>
        list.Items.Select(p => (p.Source, p.Amount.Amount, p.Status));

    private static string PaidTo(LedgerResponse ledger, Member member) =>
        ledger.Members.Single(m => m.MemberId == member.MemberId).Paid.Amount;

    [Fact]
    public async Task are_listed_newest_first_with_their_distribution_or_round_and_sum_to_the_ledgers_paid()
    {
        var paid = await BobPaidThreeTimes();
        var list = await Payouts(paid.Network, paid.Bob);

        Figures(list).Should().Equal((PayoutSource.Round, "15.00", PayoutStatus.Issued),
            (PayoutSource.Distribution, "10.00", PayoutStatus.Issued),
            (PayoutSource.Distribution, "30.00", PayoutStatus.Issued));
        list.Items.Select(p => (p.DistributionId, p.Policy, p.RoundId)).Should().Equal(
            ((Guid?)null, (Domain.Valuation.DistributionPolicy?)null, (Guid?)paid.Round),
            (paid.Second, Domain.Valuation.DistributionPolicy.ProRata, null),
            (paid.First, Domain.Valuation.DistributionPolicy.ProRata, null));
        list.Items.Should().OnlyContain(p => p.Amount.Currency == "EUR" && p.ReversedAt == null && p.ReissueOf == null);
        (list.Paid, list.TotalCount, list.Page, list.PageSize, list.MemberId)
            .Should().Be((new MoneyResponse("55.00", "EUR"), 3L, 1, PageRequest.DefaultSize, paid.Bob.MemberId));
        PaidTo(await api.Ledger(paid.Network), paid.Bob).Should().Be("55.00");

        var distribution = (await api.Get<DistributionResponse>(paid.Network.Url($"/distributions/{paid.First}"),
            paid.Bob.Token)).Expect(200);
        var line = distribution.Payouts.Single(p => p.MemberId == paid.Bob.MemberId);
        (list.Items[^1].PayoutId, list.Items[^1].Reference).Should().Be((line.PayoutId, line.Reference));

        // A treasurer reads them too, as the member does; a member with no payout has an empty list.
        (await Payouts(paid.Network, paid.Bob, paid.Network.Token)).Should().BeEquivalentTo(list);
        var dee = await api.Admit(paid.Network, "Dee", "user", "contributor");
        var none = await Payouts(paid.Network, dee);
        (none.Items.Count, none.TotalCount, none.Paid.Amount).Should().Be((0, 0L, "0.00"));
        (await api.Integrity(paid.Network)).Intact.Should().BeTrue();
    }

    /// <summary>
    /// Bob's 30.00 bounces and is reissued (30.00 stands again), then his 10.00 bounces and stays reversed: he has
    /// 30.00 + 15.00 = 45.00, and four payouts, the reissue newest.
    /// </summary>
    [Fact]
    public async Task a_reversed_and_reissued_payout_shows_both_and_counts_once()
    {
        var paid = await BobPaidThreeTimes();
        var before = await Payouts(paid.Network, paid.Bob);
        var (first, second) = (before.Items[2], before.Items[1]);
        (await api.Post(paid.Network.Url($"/payouts/{first.PayoutId}/reversal"), new { reason = "IBAN closed" },
            paid.Network.Token)).Status.Should().Be(200);
        var reissue = (await api.Post<PayoutResponse>(paid.Network.Url($"/payouts/{first.PayoutId}/reissue"), null,
            paid.Network.Token)).Expect(201);
        (await api.Post(paid.Network.Url($"/payouts/{second.PayoutId}/reversal"), new { reason = "Bounced" },
            paid.Network.Token)).Status.Should().Be(200);

        var list = await Payouts(paid.Network, paid.Bob);
        Figures(list).Should().Equal((PayoutSource.Distribution, "30.00", PayoutStatus.Issued),
            (PayoutSource.Round, "15.00", PayoutStatus.Issued),
            (PayoutSource.Distribution, "10.00", PayoutStatus.Reversed),
            (PayoutSource.Distribution, "30.00", PayoutStatus.Reissued));
        var (again, original) = (list.Items[0], list.Items[3]);
        (again.PayoutId, again.ReissueOf, again.DistributionId, again.Reference)
            .Should().Be((reissue.PayoutId, first.PayoutId, paid.First, first.Reference + "-R1"));
        (original.ReissuedAs, original.ReversalReason).Should().Be((again.PayoutId, "IBAN closed"));
        list.Items[2].ReversalReason.Should().Be("Bounced");
        list.Paid.Amount.Should().Be("45.00");
        PaidTo(await api.Ledger(paid.Network), paid.Bob).Should().Be("45.00");
        (await api.Integrity(paid.Network)).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task are_paged_newest_first()
    {
        var paid = await BobPaidThreeTimes();
        var all = await Payouts(paid.Network, paid.Bob);
        var first = await Payouts(paid.Network, paid.Bob, query: "?page=1&pageSize=2");
        var second = await Payouts(paid.Network, paid.Bob, query: "?page=2&pageSize=2");
        var past = await Payouts(paid.Network, paid.Bob, query: "?page=3&pageSize=2");
        first.Items.Concat(second.Items).Select(p => p.PayoutId).Should().Equal(all.Items.Select(p => p.PayoutId));
        (first.Items.Count, second.Items.Count, past.Items.Count).Should().Be((2, 1, 0));
        new[] { first, second, past }.Should().OnlyContain(p => p.TotalCount == 3 && p.Paid.Amount == "55.00");
        (await api.Get(paid.Network.Url($"/members/{paid.Bob.MemberId}/payouts?pageSize=0"), paid.Bob.Token))
            .ShouldBeProblem(400, field: "pageSize");
    }

    [Fact]
    public async Task are_the_members_own_or_a_treasurers_to_read_and_another_network_is_not_found()
    {
        var paid = await BobPaidThreeTimes();
        var url = paid.Network.Url($"/members/{paid.Bob.MemberId}/payouts");
        (await api.Get(url, paid.Cem.Token)).ShouldBeProblem(403, code: "self-or-treasurer");
        (await api.Get(paid.Network.Url($"/members/{Guid.NewGuid()}/payouts"), paid.Network.Token))
            .ShouldBeProblem(404, code: "member-not-found");
        var elsewhere = await api.Found("Elsewhere");
        (await api.Get(url, elsewhere.Token)).ShouldBeProblem(404, code: "network-not-found");
        (await api.Get(elsewhere.Url($"/members/{paid.Bob.MemberId}/payouts"), paid.Bob.Token))
            .ShouldBeProblem(404, code: "network-not-found");
        (await api.Get(elsewhere.Url($"/members/{paid.Bob.MemberId}/payouts"), elsewhere.Token))
            .ShouldBeProblem(404, code: "member-not-found");
    }

    [Fact]
    public async Task a_payout_document_changed_behind_the_apps_back_is_named_by_verify()
    {
        var paid = await BobPaidThreeTimes();
        var payout = (await Payouts(paid.Network, paid.Bob)).Items[1].PayoutId;
        await Tampering.Sql(
            "update openvalue.mt_doc_memberpayout set data = jsonb_set(data, '{amountMinor}', '99999') " +
            "where tenant_id = $1 and id = $2", paid.Network.NetworkId.ToString(), payout);

        var report = await api.Integrity(paid.Network);
        report.ShouldNameFirst("document", payout, what: "amountMinor");
        report.FirstBreak!.Document.Should().Be($"MemberPayout {payout}");
    }

    [Fact]
    public async Task a_database_of_an_older_build_gets_its_payout_documents_at_startup()
    {
        var paid = await BobPaidThreeTimes();
        await api.Post(paid.Network.Url($"/payouts/{(await Payouts(paid.Network, paid.Bob)).Items[2].PayoutId}" +
            "/reversal"), new { reason = "IBAN closed" }, paid.Network.Token);
        var kept = await Payouts(paid.Network, paid.Bob);
        await Tampering.Sql("delete from openvalue.mt_doc_memberpayout where tenant_id = $1;\n" +
            $"delete from openvalue.mt_doc_storeupgrade where id = '{ReadModelUpgrade.PayoutsId}'",
            paid.Network.NetworkId.ToString());
        (await Payouts(paid.Network, paid.Bob)).TotalCount.Should().Be(0);

        await new ReadModelUpgrade().Populate(app.Store, CancellationToken.None);

        (await Payouts(paid.Network, paid.Bob)).Should().BeEquivalentTo(kept);
        (await api.Integrity(paid.Network)).Intact.Should().BeTrue();
    }
}
