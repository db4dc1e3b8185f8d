using NodaTime;
using OpenValue.Api.Networks;
using OpenValue.Api.Security;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>
/// A steward who proposes cannot supply their own second pair of eyes: a treasurer they admitted, promoted or
/// gave a new token around the proposal cannot approve it.
/// </summary>
[Collection(AppCollection.Name)]
public class four_eyes_between_two_people(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private async Task<(FoundedNetwork Network, Guid DistributionId)> Proposed(FoundedNetwork network)
    {
        await api.RecordIncome(network, "100.00");
        var distribution = await api.Proposed(network, "50.00");
        distribution.Status.Should().Be(DistributionStatus.Proposed);
        return (network, distribution.DistributionId);
    }

    private async Task ApprovalIsRefused(FoundedNetwork network, Guid distributionId, string token, string act)
    {
        var before = await app.Events(network.NetworkId, distributionId);
        var result = await api.Post(network.Url($"/distributions/{distributionId}/approval"), new { }, token);
        result.ShouldBeProblem(403, code: "approver-not-independent").Detail.Should().Contain(act);
        (await app.Events(network.NetworkId, distributionId)).Should().HaveCount(before.Count);
    }

    [Fact]
    public async Task a_sock_puppet_treasurer_admitted_just_before_the_proposal_cannot_approve_it()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        var puppet = await api.Admit(network, "Mallory", "labour", "treasurer");
        var (_, id) = await Proposed(network);
        await ApprovalIsRefused(network, id, puppet.Token, "admitted you");
    }

    [Fact]
    public Task a_treasurer_whose_token_the_proposer_reissued_after_the_proposal_cannot_approve_it() =>
        app.WithClock(async () =>
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        (await api.Post(network.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer" } },
            network.Token)).Status.Should().Be(200);
        await api.WithoutCoolingOff(network);
        var (_, id) = await Proposed(network);
        app.Advance(Duration.FromSeconds(1));
        var reissued = await api.Post<TokenReissuedResponse>(network.Url($"/members/{bob.MemberId}/token"), null,
            network.Token);
        await ApprovalIsRefused(network, id, reissued.Expect(200).Token, "reissued your token");
    });

    [Fact]
    public Task a_member_made_treasurer_by_the_proposer_after_the_proposal_cannot_approve_it_but_an_independent_one_can() =>
        app.WithClock(async () =>
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        (await api.Post(network.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer", "steward" } },
            network.Token))
            .Status.Should().Be(200);
        await api.WithoutCoolingOff(network);
        var (_, id) = await Proposed(network);
        app.Advance(Duration.FromSeconds(1));
        (await api.Post(network.Url($"/members/{cem.MemberId}/roles"), new { grant = new[] { "treasurer" } },
            network.Token)).Status.Should().Be(200);
        await ApprovalIsRefused(network, id, cem.Token, "granted you the treasurer role");

        // Bob was promoted before the proposal and the network chose no cooling-off: his approval counts.
        var approved = await api.Post<DistributionResponse>(network.Url($"/distributions/{id}/approval"), new { },
            bob.Token);
        approved.Expect(200);
        (await app.Events(network.NetworkId, id)).Select(e => e.Data).OfType<DistributionApproved>().Should()
            .ContainSingle();
    });

    [Fact]
    public Task a_treasurer_to_whom_the_proposer_issued_a_fresh_invitation_cannot_approve() => app.WithClock(async () =>
    {
        // Whoever opens a fresh invitation link takes over the membership, so it vouches as a new token does.
        var (network, bob, _) = await api.ThreeEqualMembers();
        (await api.Post(network.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer" } },
            network.Token))
            .Status.Should().Be(200);
        await api.WithoutCoolingOff(network);
        var (_, id) = await Proposed(network);
        app.Advance(Duration.FromSeconds(1));
        (await api.Post(network.Url($"/members/{bob.MemberId}/invitation"), null, network.Token)).Status.Should()
            .Be(200);
        await ApprovalIsRefused(network, id, bob.Token, "issued you a fresh invitation");
    });

    [Fact]
    public async Task the_cooling_off_period_is_part_of_the_treasury_policy()
    {
        var network = await api.Found();
        (await api.Get<TreasuryPolicyResponse>(network.Url("/treasury-policy"), network.Token)).Expect(200)
            .CoolingOffHours.Should().Be(72);
        (await api.Post<TreasuryPolicyResponse>(network.Url("/treasury-policy"), new { coolingOffHours = 24 },
            network.Token)).Expect(200).CoolingOffHours.Should().Be(24);
        (await api.Post(network.Url("/treasury-policy"), new { coolingOffHours = -1 }, network.Token))
            .ShouldBeProblem(400, field: "coolingOffHours");
        (await api.Post(network.Url("/treasury-policy"), new { coolingOffHours = 100000 }, network.Token))
            .ShouldBeProblem(400, field: "coolingOffHours");
    }
}
