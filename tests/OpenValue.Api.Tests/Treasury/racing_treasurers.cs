using System.Text.Json;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>Real concurrency against the real database: requests sent at once, outcomes counted.</summary>
[Collection(AppCollection.Name)]
public class racing_treasurers(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task two_treasurers_whose_distributions_together_exceed_the_pool_one_succeeds()
    {
        for (var round = 0; round < 3; round++)
        {
            var (network, bob, _) = await api.ThreeEqualMembers();
            (await api.Post(network.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer" } }, network.Token)).Status.Should().Be(200);
            await api.RecordIncome(network, "100.00");

            var results = await Task.WhenAll(
                api.Propose(network, "60.00", token: network.Token),
                api.Propose(network, "70.00", token: bob.Token));

            results.Count(r => r.Status == 201).Should().Be(1, string.Join("\n", results.Select(r => r.Text)));
            results.Single(r => r.Status != 201).ShouldBeProblem(409);
            var reserved = (await api.Ledger(network)).Reserved.Amount;
            reserved.Should().BeOneOf("60.00", "70.00");
            (await app.Events(network.NetworkId, DerivedIds.Pool(network.NetworkId, null))).Count(e => e.Data is DistributionReserved).Should().Be(1);
        }
    }

    [Fact]
    public async Task twenty_concurrent_payout_calls_issue_one_set_of_payouts()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        var id = (await api.Proposed(network, "100.00")).DistributionId;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            api.Post<PayoutsResponse>(network.Url($"/distributions/{id}/payouts"), new { }, network.Token)));

        results.Should().OnlyContain(r => r.Status == 200, string.Join("\n", results.Select(r => r.Text)));
        results.Select(r => JsonSerializer.Serialize(r.Body!.Payouts, ResponseJson.Options)).Distinct().Should()
            .ContainSingle();
        (await app.Events(network.NetworkId, id)).Count(e => e.Data is PayoutsIssued).Should().Be(1);
        (await api.Ledger(network)).Paid.Amount.Should().Be("100.00");
    }

    [Fact]
    public async Task twenty_concurrent_retries_with_one_key_make_one_distribution()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        var key = Treasury.Key(Guid.NewGuid().ToString());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.Propose(network, "10.00", headers: key)));

        results.Should().OnlyContain(r => r.Status == 201, string.Join("\n", results.Select(r => r.Text)));
        results.Select(r => r.Body!.DistributionId).Distinct().Should().ContainSingle();
        (await app.Events(network.NetworkId, DerivedIds.Pool(network.NetworkId, null))).Count(e => e.Data is DistributionReserved).Should().Be(1);
        (await api.Ledger(network)).Reserved.Amount.Should().Be("10.00");
        (await api.Propose(network, "10.01", headers: key)).ShouldBeProblem(422, code: "idempotency-key-reused");
    }
}
