using NodaTime;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
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
        distribution["status"]!.GetValue<string>().Should().Be("proposed");
        return (network, distribution.IdOf());
    }

    private async Task ApprovalIsRefused(FoundedNetwork network, Guid distributionId, string token, string act)
    {
        var before = await app.Events(network.NetworkId, distributionId);
        var result = await api.Post(network.Url($"/distributions/{distributionId}/approval"), new { }, token);
        result.ShouldBeProblem(403, code: "approver-not-independent");
        result.Body!["detail"]!.GetValue<string>().Should().Contain(act);
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
        var reissued = await api.Post(network.Url($"/members/{bob.MemberId}/token"), null, network.Token);
        await ApprovalIsRefused(network, id, reissued.Body!["token"]!.GetValue<string>(), "reissued your token");
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
        var approved = await api.Post(network.Url($"/distributions/{id}/approval"), new { }, bob.Token);
        approved.Status.Should().Be(200, approved.Body?.ToJsonString());
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
        var (status, body, _) = await api.Get(network.Url("/treasury-policy"), network.Token);
        status.Should().Be(200);
        body!["coolingOffHours"]!.GetValue<int>().Should().Be(72);
        (await api.Post(network.Url("/treasury-policy"), new { coolingOffHours = 24 }, network.Token))
            .Body!["coolingOffHours"]!
            .GetValue<int>().Should().Be(24);
        (await api.Post(network.Url("/treasury-policy"), new { coolingOffHours = -1 }, network.Token))
            .ShouldBeProblem(400, field: "coolingOffHours");
        (await api.Post(network.Url("/treasury-policy"), new { coolingOffHours = 100000 }, network.Token))
            .ShouldBeProblem(400, field: "coolingOffHours");
    }
}
