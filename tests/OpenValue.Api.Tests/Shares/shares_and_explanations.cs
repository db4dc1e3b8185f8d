using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Valuation;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Shares;

[Collection(AppCollection.Name)]
public class shares_and_explanations(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);

    private async Task<SharesResponse> Shares(FoundedNetwork n, string query = "") =>
        (await api.Get<SharesResponse>(n.Url("/shares" + query), n.Token)).Expect(200);

    private static MemberShareResponse Line(SharesResponse shares, Guid member) =>
        shares.Members.Single(m => m.MemberId == member);

    private async Task<ShareExplanationResponse> Explained(FoundedNetwork n, Guid member, string query = "") =>
        (await api.Get<ShareExplanationResponse>(n.Url($"/members/{member}/share{query}"), n.Token)).Expect(200);

    [Fact]
    public async Task Shares_carry_exact_decimals_as_strings_by_member_and_kind()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Adopt(n, Valuations.SlicingPieAt40());
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("120"));
        await api.Accepted(n, n.Token, bob.Token, Valuations.Cash("500.00"));
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("0.5"));

        var shares = await Shares(n);
        shares.TotalPoints.Should().Be("11640");
        shares.EquationVersion.Should().Be(1);
        // The wire itself: exact decimals as strings, points by kind, in this order.
        var wire = (await api.Get(n.Url("/shares"), n.Token)).Body!;
        wire["members"]!.AsArray().Single(m => m!["memberId"]!.GetValue<Guid>() == n.MemberId)!.ToJsonString()
            .Should().Be(
            $$"""{"memberId":"{{n.MemberId}}","name":"Ada","points":"2040","pointsByKind":{"cash":"2000","work":"40"},"share":"0.1752577319587628865979381443","percent":"17.53"}""");
        Line(shares, bob.MemberId).Share.Should().Be("0.8247422680412371134020618557");
        (await Shares(n, $"?asOf={Iso(AppFixture.Start - Duration.FromSeconds(1))}")).Members.Should().BeEmpty();
    }

    [Fact]
    public async Task Bad_query_values_are_400_naming_them()
    {
        var n = await api.Found();
        (await api.Get(n.Url("/shares?asOf=yesterday"), n.Token)).ShouldBeProblem(400, field: "asOf");
        (await api.Get(n.Url($"/shares?projectId={Guid.NewGuid()}"), n.Token)).ShouldBeProblem(400, field: "projectId");
        (await api.Get(n.Url("/shares?memberId=ada"), n.Token)).ShouldBeProblem(400, field: "memberId");
        (await api.Get(n.Url($"/shares?memberId={Guid.NewGuid()}"), n.Token)).ShouldBeProblem(400, field: "memberId");
        (await api.Get(n.Url($"/shares?memberId={n.MemberId}&limit=2"), n.Token)).ShouldBeProblem(400,
            field: "memberId");
        (await api.Get(n.Url("/shares?limit=0"), n.Token)).ShouldBeProblem(400, field: "limit");
        (await api.Get(n.Url("/shares?limit=ten"), n.Token)).ShouldBeProblem(400, field: "limit");
        (await api.Get(n.Url("/shares?after=ada"), n.Token)).ShouldBeProblem(400, field: "after");
    }

    [Fact]
    public async Task One_members_line_and_pages_in_member_order_carry_the_numbers_of_the_full_list()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        var cy = await api.Admit(n, "Cy", "labour", "contributor");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        await api.Adopt(n, Valuations.SlicingPieAt40());
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("3"));
        await api.Accepted(n, cy.Token, n.Token, Claims.Work("1"));
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("2"));

        var full = await Shares(n);
        var lines = full.Members;
        lines.Should().HaveCount(3, "Dee holds no points");

        var one = await Shares(n, $"?memberId={cy.MemberId}");
        one.TotalPoints.Should().Be("480");
        one.Members.Should().BeEquivalentTo([Line(full, cy.MemberId)], o => o.WithStrictOrdering());
        var none = await Shares(n, $"?memberId={dee.MemberId}");
        (none.TotalPoints, none.Members.Count).Should().Be(("480", 0));

        var first = await Shares(n, "?limit=2");
        var after = first.Members[^1].MemberId;
        var rest = await Shares(n, $"?limit=2&after={after}");
        first.Members.Concat(rest.Members).Should().BeEquivalentTo(lines, o => o.WithStrictOrdering());
        (await Shares(n, $"?after={after}")).Members.Should().BeEquivalentTo(lines.Skip(2),
            o => o.WithStrictOrdering());
    }

    [Fact]
    public Task An_explanation_lists_each_contribution_with_its_decay_and_adds_up_to_the_share() =>
        app.WithClock(async () =>
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Adopt(n, new { preset = "hours-only", halfLifeDays = 10 });
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));
        app.Advance(Duration.FromDays(5));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("4"));
        app.Advance(Duration.FromDays(5));
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("6"));

        var explained = await Explained(n, bob.MemberId);
        var lines = explained.Contributions;
        lines.Select(l => (l.Points, l.Rate, l.Multiplier, l.EquationVersion, l.DecayFactor, l.DecayedPoints))
            .Should().Equal(("10", "1", "1", 1, "0.5", "5"), ("4", "1", "1", 1, "0.707106781186547524",
                "2.828427124746190098"));
        explained.Points.Should().Be("7.828427124746190098");
        explained.PointsByKind["work"].Should().Be("7.828427124746190098");
        explained.TotalPoints.Should().Be("13.828427124746190098");
        // Who the member is, for a member's page beside their share: roles and the class in force at asOf.
        explained.Roles.Should().Equal(Role.Contributor, Role.Reviewer);
        explained.StakeholderClass.Should().Be(StakeholderClass.Labour);

        var shares = await Shares(n);
        Line(shares, bob.MemberId).Points.Should().Be(explained.Points);
        Line(shares, bob.MemberId).Share.Should().Be(explained.Share);
        var ada = Line(shares, n.MemberId);
        (decimal.Parse(ada.Share) + decimal.Parse(explained.Share)).Should().Be(1m);
        ada.Points.Should().Be("6");
    });

    /// <summary>
    /// Acceptances at instants finer than PostgreSQL's microseconds: the explanation decays each line from the
    /// same instant the shares do, so its total is exactly the sum of its lines and exactly the member's points
    /// in GET /shares, now and as of an earlier moment (they differed by about 3·10⁻¹⁰ when the two used instants
    /// of different precision).
    /// </summary>
    [Fact]
    public Task With_a_half_life_an_explanation_adds_up_exactly_to_its_lines_and_to_the_shares() =>
        app.WithClock(async () =>
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Adopt(n, new { preset = "hours-only", halfLifeDays = 7 });
        app.Advance(Duration.FromNanoseconds(123_456_789));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));
        app.Advance(Duration.FromDays(3) + Duration.FromNanoseconds(987_654_321));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("4.5"));
        var between = app.Clock.GetCurrentInstant() + Duration.FromHours(1);
        app.Advance(Duration.FromDays(2) + Duration.FromNanoseconds(555_555_555));
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("3"));
        app.Advance(Duration.FromHours(7) + Duration.FromNanoseconds(1));

        foreach (var query in new[] { "", "?asOf=" + Uri.EscapeDataString(Iso(between)) })
        {
            var explained = await Explained(n, bob.MemberId, query);
            var lines = explained.Contributions.Select(l => decimal.Parse(l.DecayedPoints)).ToList();
            lines.Should().HaveCount(query == "" ? 3 : 2);
            lines.Should().OnlyContain(p => p != decimal.Truncate(p),
                "every line is decayed by a factor that is not a power of two");
            decimal.Parse(explained.Points).Should().Be(lines.Sum());
            Line(await Shares(n, query), bob.MemberId).Points.Should().Be(explained.Points);
        }
    });

    [Fact]
    public async Task Shares_and_explanations_refuse_a_moment_in_the_future()
    {
        var n = await api.Found();
        var later = Uri.EscapeDataString(Iso(app.Clock.GetCurrentInstant() + Duration.FromSeconds(1)));
        (await api.Get(n.Url($"/shares?asOf={later}"), n.Token)).ShouldBeProblem(400, field: "asOf");
        (await api.Get(n.Url($"/members/{n.MemberId}/share?asOf={later}"), n.Token)).ShouldBeProblem(400,
            field: "asOf");
    }

    [Fact]
    public async Task Simulating_a_proposed_equation_shows_the_difference_and_appends_nothing()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Adopt(n, Valuations.SlicingPieAt40());
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("120"));
        var cash = await api.Accepted(n, n.Token, bob.Token, Valuations.Cash("500.00"));
        var before = await app.EventCount(n.NetworkId);

        var body = (await api.Post<SimulationResponse>(n.Url("/value-equations/simulate"),
            new { preset = "hours-only" }, bob.Token)).Expect(200);
        body.CurrentVersion.Should().Be(1);
        body.CurrentTotalPoints.Should().Be("11600");
        body.ProposedTotalPoints.Should().Be("120");
        body.Unvalued.Should().Equal(cash);
        var bobLine = body.Members.Single(m => m.MemberId == bob.MemberId);
        (bobLine.CurrentShare, bobLine.ProposedShare, bobLine.ShareDifference, bobLine.ProposedPoints,
            bobLine.PercentDifference)
            .Should().Be(("0.8275862068965517241379310345", "1", "0.1724137931034482758620689655", "120", "17.24"));
        body.Members.Single(m => m.MemberId == n.MemberId).ShareDifference.Should()
            .Be("-0.1724137931034482758620689655");

        (await api.Post(n.Url("/value-equations/simulate"), new { rules = new { work = new { unit = "hour", rate = "0",
            multiplier = "1" } } }, bob.Token))
            .ShouldBeProblem(400, field: "rules.work.rate");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }
}
