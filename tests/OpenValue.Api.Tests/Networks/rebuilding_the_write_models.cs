using Marten;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Networks;

/// <summary>
/// The folds of the network, contribution, pool and distribution streams take only their own stream's event
/// types (StreamEvents), so a rebuild reads a fraction of the store. A rebuild must still write exactly what
/// the inline projections wrote, for every kind of stream, including a contribution that went round twice.
/// </summary>
[Collection(AppCollection.Name)]
public class rebuilding_the_write_models(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_rebuild_of_each_filtered_fold_equals_what_inline_projection_stored()
    {
        var (n, bob, _) = await api.ThreeEqualMembers();
        (await api.Post(n.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer" },
            revoke = new[] { "reviewer" } }, n.Token)).Status.Should().Be(200);
        (await api.Post(n.Url("/treasury-policy"), new { fourEyes = "always", coolingOffHours = 0 }, n.Token))
            .Status.Should().Be(200);
        var claim = await api.Submit(n, bob.Token);
        await api.Review(n, claim, n.Token, "request-changes", "Which batch?");
        (await api.Amend(n, claim, bob.Token, Claims.Work("3"))).Status.Should().Be(200);
        await api.Review(n, claim, n.Token);
        await api.RecordIncome(n, "100.00");
        var paid = (await api.Proposed(n, "30.00")).DistributionId;
        (await api.Post(n.Url($"/distributions/{paid}/approval"), new { }, bob.Token)).Status.Should().Be(200);
        await api.Paid(n, paid);
        var cancelled = (await api.Proposed(n, "10.00")).DistributionId;
        (await api.Post(n.Url($"/distributions/{cancelled}/cancellation"), new { reason = "wrong month" }, n.Token))
            .Status.Should().Be(200);

        var before = await Stored(n.NetworkId);
        before.Network.FourEyes.Should().Be(FourEyes.Always);
        before.Contributions.Should().HaveCount(4);
        before.Contributions.Single(c => c.Id == claim).Round.Should().Be(2);
        before.Distributions.Should().HaveCount(2);
        before.Pool.CommittedMinor.Should().Be(3_000);

        using (var daemon = await app.Store.BuildProjectionDaemonAsync())
        {
            var timeout = TimeSpan.FromMinutes(2);
            await daemon.RebuildProjectionAsync<NetworkProjection>(timeout, CancellationToken.None);
            await daemon.RebuildProjectionAsync<ContributionViewProjection>(timeout, CancellationToken.None);
            await daemon.RebuildProjectionAsync<PoolProjection>(timeout, CancellationToken.None);
            await daemon.RebuildProjectionAsync<DistributionProjection>(timeout, CancellationToken.None);
        }

        (await Stored(n.NetworkId)).Should().BeEquivalentTo(before);
    }

    private async Task<(Network Network, IReadOnlyList<ContributionView> Contributions, Pool Pool,
        IReadOnlyList<Distribution> Distributions)> Stored(Guid networkId)
    {
        await using var session = app.Store.QuerySession(networkId.ToString());
        return ((await session.LoadAsync<Network>(networkId))!,
            await session.Query<ContributionView>().OrderBy(c => c.Id).ToListAsync(),
            (await session.LoadAsync<Pool>(DerivedIds.Pool(networkId, null)))!,
            await session.Query<Distribution>().OrderBy(d => d.Id).ToListAsync());
    }
}
