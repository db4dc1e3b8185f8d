using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>Isolation: another network's treasurer can neither see nor touch this network's money.</summary>
[Collection(AppCollection.Name)]
public class treasury_across_networks(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task another_networks_treasurer_gets_404_everywhere_and_ids_do_not_cross_networks()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        var id = (await api.Proposed(network, "10.00")).DistributionId;
        var payoutId = (await api.Paid(network, id)).Payouts[0].PayoutId;
        var outsider = await api.Found("Outsider");
        await api.RecordIncome(outsider, "10.00");
        var before = await app.EventCount(network.NetworkId);

        (string Method, string Route)[] routes =
        [
            ("POST", "/income"), ("POST", "/distributions"), ("GET", $"/distributions/{id}"), ("POST", $"/distributions/{id}/approval"),
            ("POST", $"/distributions/{id}/cancellation"), ("POST", $"/distributions/{id}/payouts"), ("GET", $"/distributions/{id}/payouts.csv"),
            ("POST", $"/payouts/{payoutId}/reversal"), ("GET", "/ledger"), ("POST", "/treasury-policy"),
        ];
        foreach (var (method, route) in routes)
        {
            var body = method == "GET" ? null : new { reason = "x", amount = Treasury.Eur("1.00"), policy = "pro-rata", source = "sale", receivedOn = "2026-11-25" };
            (await api.Send(new HttpMethod(method), network.Url(route), body, outsider.Token)).ShouldBeProblem(404, code: "network-not-found");
            (await api.Send(new HttpMethod(method), network.Url(route), body)).ShouldBeProblem(401, code: "unauthenticated");
        }

        // The outsider's own routes with this network's ids find nothing: the tenant scopes every read.
        (await api.Get(outsider.Url($"/distributions/{id}"), outsider.Token)).ShouldBeProblem(404, code: "distribution-not-found");
        (await api.Post(outsider.Url($"/distributions/{id}/payouts"), new { }, outsider.Token)).ShouldBeProblem(404, code: "distribution-not-found");
        (await api.Post(outsider.Url($"/payouts/{payoutId}/reversal"), new { reason = "x" }, outsider.Token)).ShouldBeProblem(404, code: "payout-not-found");
        (await api.Ledger(outsider)).Distributed.Amount.Should().Be("0.00");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }
}
