using Marten;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Networks;

/// <summary>
/// The network write model is stored by an inline projection (reads no longer fold the whole stream), so
/// the stored document must round-trip through JSON to exactly what a fresh fold of the events gives.
/// </summary>
[Collection(AppCollection.Name)]
public class the_stored_network(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task equals_a_fresh_fold_of_its_stream_with_every_kind_of_event()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Admit(n, "Ivy", "investor", "treasurer");
        (await api.Post(n.Url($"/members/{bob.MemberId}/roles"), new { grant = new[] { "treasurer" }, revoke = new[] { "reviewer" } }, n.Token)).Status.Should().Be(200);
        var frame = await api.OpenProject(n, "Frame");
        (await api.Post(n.Url("/review-policy"), new { approvalsRequired = 2 }, n.Token)).Status.Should().Be(200);
        (await api.Post(n.Url("/treasury-policy"), new { fourEyes = "always" }, n.Token)).Status.Should().Be(200);
        await api.Adopt(n, new
        {
            preset = "slicing-pie", halfLifeDays = 365,
            classWeights = new { founder = "0.1", labour = "0.3", user = "0.3", investor = "0.3" },
            projectOverrides = new Dictionary<string, object> { [frame.ToString()] = new { work = new { multiplier = "2.5" } } },
        });

        await using var session = app.Store.QuerySession(n.NetworkId.ToString());
        var stored = await session.LoadAsync<Network>(n.NetworkId);
        var folded = await session.Events.AggregateStreamAsync<Network>(n.NetworkId);

        stored.Should().BeEquivalentTo(folded);
        stored!.MemberCount.Should().Be(3);
        // Ada (founder: every role), Bob (contributor, treasurer after the change), Ivy (treasurer).
        stored.CountHolding(Role.Treasurer).Should().Be(3);
        stored.CountHolding(Role.Reviewer).Should().Be(1);
        stored.CountHolding(Role.Contributor).Should().Be(2);
        stored.CountHolding(Role.Steward).Should().Be(1);
        stored.ApprovalsRequired.Should().Be(2);
        stored.FourEyes.Should().Be(FourEyes.Always);
        stored.Projects.Keys.Should().Equal(frame);
        stored.Equation!.ClassWeights![StakeholderClass.Investor].Should().Be(0.3m);
        stored.Equation.ProjectOverrides[frame]["work"].Multiplier.Should().Be(2.5m);
        stored.Equation.HalfLifeDays.Should().Be(365);
    }
}
