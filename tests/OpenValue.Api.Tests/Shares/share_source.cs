using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Tests.Shares;

/// <summary>
/// Acceptances record their points; the ledger projection and <see cref="IShareSource"/> turn them into shares,
/// checked against hand-computed numbers.
/// </summary>
[Collection(AppCollection.Name)]
public class share_source(AppFixture app)
{
    private readonly ApiClient api = new(app);
    private IShareSource Source => app.Host.Services.GetRequiredService<IShareSource>();

    private Task<ShareSnapshot> AsOf(FoundedNetwork n, Instant at, Guid? project = null) => Source.AsOf(n.NetworkId, project, at, CancellationToken.None);

    /// <summary>Ada founds (class founder); Bob is labour, contributor and reviewer.</summary>
    private async Task<(FoundedNetwork Network, Member Bob)> Makers()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");
        return (network, bob);
    }

    [Fact]
    public async Task Slicing_pie_120_unpaid_hours_at_40_against_500_cash_gives_9600_and_2000_points()
    {
        var (n, bob) = await Makers();
        await api.Adopt(n, Valuations.SlicingPieAt40());
        var work = await api.Accepted(n, bob.Token, n.Token, Claims.Work("120"));
        await api.Accepted(n, n.Token, bob.Token, Valuations.Cash("500.00"));

        var accepted = (await app.Events(n.NetworkId, work)).Select(e => e.Data).OfType<ContributionAccepted>().Single();
        accepted.Points.Should().Be(9600m);
        accepted.EquationVersion.Should().Be(1);
        accepted.Valuation.Should().Be(new PointsValuation("work", 120m, ValueUnit.Hour, 40m, 2m, 1, false, 9600m));

        var shares = await AsOf(n, AppFixture.Start);
        shares.EquationVersion.Should().Be(1);
        shares.TotalPoints.Should().Be(11600m);
        var bobLine = shares.Members.Single(m => m.MemberId == bob.MemberId);
        bobLine.Should().BeEquivalentTo(new { Name = "Bob", Points = 9600m, Share = 0.8275862068965517241379310345m, Percent = 82.76m });
        bobLine.PointsByKind.Should().Equal(new Dictionary<string, decimal> { ["work"] = 9600m });
        shares.Members.Single(m => m.MemberId == n.MemberId).Should().BeEquivalentTo(
            new { Name = "Ada", Points = 2000m, Share = 0.1724137931034482758620689655m, Percent = 17.24m });
        shares.Members.Sum(m => m.Share).Should().Be(1m);
    }

    [Fact]
    public async Task Without_an_equation_acceptance_records_no_points_and_nobody_holds_a_share()
    {
        var (n, bob) = await Makers();
        var id = await api.Accepted(n, bob.Token, n.Token, Claims.Work("3"));

        var accepted = (await app.Events(n.NetworkId, id)).Select(e => e.Data).OfType<ContributionAccepted>().Single();
        (accepted.Points, accepted.EquationVersion, accepted.Valuation).Should().Be((null, null, null));
        (await AsOf(n, AppFixture.Start)).Should().BeEquivalentTo(new { TotalPoints = 0m, EquationVersion = (int?)null, Members = Array.Empty<MemberShare>() });
    }

    [Fact]
    public Task A_new_version_does_not_change_earlier_points_and_as_of_sees_each_moment() => app.WithClock(async () =>
    {
        var (n, bob) = await Makers();
        var t0 = app.Clock.GetCurrentInstant();
        await api.Adopt(n, new { preset = "hours-only" });
        app.Advance(Duration.FromHours(1));
        var first = await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));          // 10 × 1 × 1 = 10 (v1)
        var t1 = app.Clock.GetCurrentInstant();
        app.Advance(Duration.FromDays(3));
        await api.Adopt(n, new { preset = "hours-only", rules = new { work = new { rate = "3" } } });
        app.Advance(Duration.FromDays(3));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));                      // 10 × 3 × 1 = 30 (v2)
        var t2 = app.Clock.GetCurrentInstant();

        (await api.Get<ContributionResponse>(n.Url($"/contributions/{first}"), n.Token)).Expect(200).Points.Should()
            .Be("10");
        (await AsOf(n, t0)).Members.Should().BeEmpty();
        (await AsOf(n, t1 - Duration.FromTicks(1))).Members.Should().BeEmpty();
        (await AsOf(n, t1)).Should().BeEquivalentTo(new { TotalPoints = 10m, EquationVersion = 1 });
        (await AsOf(n, t2 - Duration.FromSeconds(1))).Should().BeEquivalentTo(new { TotalPoints = 10m, EquationVersion = 2 });
        (await AsOf(n, t2)).Should().BeEquivalentTo(new { TotalPoints = 40m, EquationVersion = 2 });
        (await AsOf(n, t2 + Duration.FromDays(365))).TotalPoints.Should().Be(40m);

        var recent = await Source.Recent(n.NetworkId, null, t2, 2, CancellationToken.None);
        recent.Members.Should().ContainSingle().Which.Should().BeEquivalentTo(new { MemberId = bob.MemberId, Points = 30m, Share = 1m });
    });

    [Fact]
    public async Task Class_weights_split_by_class_first_and_a_class_without_points_drops_out()
    {
        var (n, bob) = await Makers();
        var cy = await api.Admit(n, "Cy", "labour", "contributor");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        await api.Adopt(n, new { preset = "hours-only", classWeights = new { labour = "0.35", user = "0.35", investor = "0.30" } });
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("30"));
        await api.Accepted(n, cy.Token, n.Token, Claims.Work("10"));
        await api.Accepted(n, dee.Token, n.Token, Claims.Work("1"));

        // No investor points: labour and user take 0.5 each. Labour: Bob 30 of 40 → 0.375, Cy 10 of 40 → 0.125; Dee 0.5.
        var shares = await AsOf(n, AppFixture.Start);
        shares.Members.Select(m => (m.Name, m.Share)).Should().BeEquivalentTo(new[] { ("Bob", 0.375m), ("Cy", 0.125m), ("Dee", 0.5m) });
    }

    [Fact]
    public Task Decay_halves_points_at_exactly_one_half_life_and_leaves_them_whole_at_zero_age() => app.WithClock(async () =>
    {
        var (n, bob) = await Makers();
        await api.Adopt(n, new { preset = "hours-only", halfLifeDays = 30 });
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("100"));
        var t0 = app.Clock.GetCurrentInstant();
        app.Advance(Duration.FromDays(30));
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("100"));

        (await AsOf(n, t0)).Members.Single().Points.Should().Be(100m);
        var later = await AsOf(n, t0 + Duration.FromDays(30));
        later.Members.Single(m => m.MemberId == bob.MemberId).Points.Should().Be(50m);
        later.Members.Single(m => m.MemberId == n.MemberId).Points.Should().Be(100m);
        later.Members.Single(m => m.MemberId == bob.MemberId).Share.Should().Be(0.3333333333333333333333333333m);

        // Recent under decay: only the second acceptance is in an 11-day window; a third of a half-life later it weighs 2^(-1/3).
        var recent = await Source.Recent(n.NetworkId, null, t0 + Duration.FromDays(40), 11, CancellationToken.None);
        recent.Members.Should().ContainSingle().Which.Should().BeEquivalentTo(new { MemberId = n.MemberId, Points = 79.370052598409973738m, Share = 1m });
    });

    [Fact]
    public Task Shares_are_kept_between_requests_only_while_the_ledger_and_the_equation_in_force_stand() => app.WithClock(async () =>
    {
        var (n, bob) = await Makers();
        await api.Adopt(n, new { preset = "hours-only" });
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));
        var t = app.Clock.GetCurrentInstant();
        (await AsOf(n, t)).TotalPoints.Should().Be(10m);
        (await AsOf(n, t + Duration.FromMinutes(1))).TotalPoints.Should().Be(10m);

        app.Advance(Duration.FromMinutes(2));
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("5"));
        (await AsOf(n, t + Duration.FromMinutes(1))).TotalPoints.Should().Be(10m, "the new points count from their own instant");
        (await AsOf(n, t + Duration.FromMinutes(2))).TotalPoints.Should().Be(15m);

        await api.Adopt(n, new { preset = "hours-only", classWeights = new { founder = "0.25", labour = "0.75" } });
        var weighted = await AsOf(n, t + Duration.FromMinutes(3));
        weighted.EquationVersion.Should().Be(2);
        weighted.Members.Select(m => (m.Name, m.Share)).Should().BeEquivalentTo(new[] { ("Ada", 0.25m), ("Bob", 0.75m) });
    });

    [Fact]
    public async Task Rebuilding_the_ledger_from_the_events_gives_exactly_the_live_shares()
    {
        var (n, bob) = await Makers();
        var frame = await api.OpenProject(n, "Frame");
        await api.Adopt(n, Valuations.SlicingPieAt40());
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("7.25").With("projectId", frame.ToString()));
        await api.Accepted(n, n.Token, bob.Token, Valuations.Cash("123.45"));
        var live = await AsOf(n, AppFixture.Start + Duration.FromDays(1));
        var liveProject = await AsOf(n, AppFixture.Start + Duration.FromDays(1), frame);

        // A stray entry no event explains: a rebuild must empty the ledger first, not merely replay into it.
        await using (var session = app.Store.LightweightSession(n.NetworkId.ToString()))
        {
            PointsLedger.Record(session, n.NetworkId.ToString(), new PointsEntry(long.MaxValue, Guid.NewGuid(), bob.MemberId, null, "work", 1m, AppFixture.Start));
            await session.SaveChangesAsync();
        }
        (await AsOf(n, AppFixture.Start + Duration.FromDays(1))).TotalPoints.Should().Be(live.TotalPoints + 1);

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<PointsLedgerProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);

        (await AsOf(n, AppFixture.Start + Duration.FromDays(1))).Should().BeEquivalentTo(live);
        (await AsOf(n, AppFixture.Start + Duration.FromDays(1), frame)).Should().BeEquivalentTo(liveProject);
        live.TotalPoints.Should().Be(7.25m * 40 * 2 + 123.45m * 4);
        liveProject.TotalPoints.Should().Be(580m);
    }
}
