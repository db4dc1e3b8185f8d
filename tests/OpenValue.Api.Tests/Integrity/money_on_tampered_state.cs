using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Api.Treasury;
using static OpenValue.Api.Tests.Integrity.Tampering;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// Proposing, approving, paying, cancelling and reversing never trust a stored pool or distribution that
/// disagrees with its events: each is refused with 409 problem details, and nothing is appended.
/// </summary>
[Collection(AppCollection.Name)]
public class money_on_tampered_state(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private const string RichPool = "update openvalue.mt_doc_pool set data = jsonb_set(data, '{incomeMinor}', '100010000') where tenant_id = $1 and id = $2";

    private async Task ShouldRefuse<T>(Ledgered n, Task<Reply<T>> request) where T : class
    {
        var before = await app.EventCount(n.Network.NetworkId);
        (await request).ShouldBeProblem(409, code: "stored-state-differs");
        (await app.EventCount(n.Network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_proposal_on_a_pool_document_given_a_million_is_refused()
    {
        var n = await api.Ledgered();
        await Sql(RichPool, n.Tenant, n.Pool);
        await ShouldRefuse(n, api.Propose(n.Network, "900000.00"));
    }

    [Fact]
    public async Task a_proposal_on_a_pool_whose_income_event_was_changed_is_refused_even_with_the_document_changed_to_match()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.mt_events set data = jsonb_set(data, '{amountMinor}', '100000000') where tenant_id = $1 and stream_id = $2 and version = 1",
            n.Tenant, n.Pool);
        await Sql(RichPool.Replace("100010000", "100000000"), n.Tenant, n.Pool);
        await ShouldRefuse(n, api.Propose(n.Network, "900000.00"));
    }

    [Fact]
    public async Task approving_paying_and_cancelling_a_tampered_distribution_are_refused()
    {
        var n = await api.Ledgered();
        await Sql("update openvalue.mt_doc_distribution set data = jsonb_set(data, '{status}', '\"Approved\"') where tenant_id = $1 and id = $2",
            n.Tenant, n.Paid);
        var paid = n.Network.Url($"/distributions/{n.Paid}");
        await ShouldRefuse(n, api.Post<DistributionResponse>($"{paid}/approval", new { }, n.Network.Token));
        await ShouldRefuse(n, api.Post<PayoutsResponse>($"{paid}/payouts", new { }, n.Network.Token));
        await ShouldRefuse(n, api.Post<DistributionResponse>($"{paid}/cancellation", new { reason = "test" },
            n.Network.Token));
    }

    [Fact]
    public async Task reversing_a_payout_into_a_tampered_pool_is_refused()
    {
        var n = await api.Ledgered();
        var payout = (await api.Get<DistributionResponse>(n.Network.Url($"/distributions/{n.Paid}"), n.Network.Token))
            .Expect(200).Payouts[0].PayoutId;
        await Sql(RichPool, n.Tenant, n.Pool);
        await ShouldRefuse(n, api.Post<PayoutResponse>(n.Network.Url($"/payouts/{payout}/reversal"),
            new { reason = "bounced" }, n.Network.Token));
    }

    [Fact]
    public async Task the_same_requests_pass_on_untouched_state()
    {
        var n = await api.Ledgered();
        (await api.Propose(n.Network, "10.00")).Status.Should().Be(201);
        (await api.Post(n.Network.Url($"/distributions/{n.Proposed}/cancellation"), new { reason = "test" }, n.Network.Token)).Status.Should().Be(200);
    }
}
