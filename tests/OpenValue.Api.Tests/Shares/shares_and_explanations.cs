using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Shares;

[Collection(AppCollection.Name)]
public class shares_and_explanations(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);

    private async Task<JsonNode> Shares(FoundedNetwork n, string query = "")
    {
        var (status, body, _) = await api.Get(n.Url("/shares" + query), n.Token);
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    private static JsonNode Line(JsonNode shares, Guid member) =>
        shares["members"]!.AsArray().Single(m => m!["memberId"]!.GetValue<string>() == member.ToString())!;

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
        shares["totalPoints"]!.GetValue<string>().Should().Be("11640");
        shares["equationVersion"]!.GetValue<int>().Should().Be(1);
        Line(shares, n.MemberId).ToJsonString().Should().Be(
            $$"""{"memberId":"{{n.MemberId}}","name":"Ada","points":"2040","pointsByKind":{"cash":"2000","work":"40"},"share":"0.1752577319587628865979381443","percent":"17.53"}""");
        Line(shares, bob.MemberId)["share"]!.GetValue<string>().Should().Be("0.8247422680412371134020618557");
        (await Shares(n, $"?asOf={Iso(AppFixture.Start - Duration.FromSeconds(1))}"))["members"]!.AsArray().Should()
            .BeEmpty();
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
        var lines = full["members"]!.AsArray().Select(l => l!.ToJsonString()).ToList();
        lines.Should().HaveCount(3, "Dee holds no points");

        var one = await Shares(n, $"?memberId={cy.MemberId}");
        one["totalPoints"]!.GetValue<string>().Should().Be("480");
        one["members"]!.AsArray().Select(l => l!.ToJsonString()).Should().Equal(Line(full, cy.MemberId).ToJsonString());
        var none = await Shares(n, $"?memberId={dee.MemberId}");
        (none["totalPoints"]!.GetValue<string>(), none["members"]!.AsArray().Count).Should().Be(("480", 0));

        var first = await Shares(n, "?limit=2");
        var after = first["members"]!.AsArray()[^1]!["memberId"]!.GetValue<string>();
        var rest = await Shares(n, $"?limit=2&after={after}");
        first["members"]!.AsArray().Concat(rest["members"]!.AsArray()).Select(l => l!.ToJsonString()).Should()
            .Equal(lines);
        (await Shares(n, $"?after={after}"))["members"]!.AsArray().Select(l => l!.ToJsonString()).Should()
            .Equal(lines[2..]);
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

        var (status, explained, _) = await api.Get(n.Url($"/members/{bob.MemberId}/share"), n.Token);
        status.Should().Be(200, explained?.ToJsonString());
        var lines = explained!["contributions"]!.AsArray();
        lines.Select(l => (l!["points"]!.GetValue<string>(), l["rate"]!.GetValue<string>(),
            l["multiplier"]!.GetValue<string>(),
                l["equationVersion"]!.GetValue<int>(), l["decayFactor"]!.GetValue<string>(),
                    l["decayedPoints"]!.GetValue<string>()))
            .Should().Equal(("10", "1", "1", 1, "0.5", "5"), ("4", "1", "1", 1, "0.707106781186547524",
                "2.828427124746190098"));
        explained["points"]!.GetValue<string>().Should().Be("7.828427124746190098");
        explained["pointsByKind"]!["work"]!.GetValue<string>().Should().Be("7.828427124746190098");
        explained["totalPoints"]!.GetValue<string>().Should().Be("13.828427124746190098");
        // Who the member is, for a member's page beside their share: roles and the class in force at asOf.
        explained["roles"]!.ToJsonString().Should().Be("""["contributor","reviewer"]""");
        explained["stakeholderClass"]!.GetValue<string>().Should().Be("labour");

        var shares = await Shares(n);
        Line(shares, bob.MemberId)["points"]!.GetValue<string>().Should().Be(explained["points"]!.GetValue<string>());
        Line(shares, bob.MemberId)["share"]!.GetValue<string>().Should().Be(explained["share"]!.GetValue<string>());
        var ada = Line(shares, n.MemberId);
        (decimal.Parse(ada["share"]!.GetValue<string>()) + decimal.Parse(explained["share"]!.GetValue<string>()))
            .Should().Be(1m);
        ada["points"]!.GetValue<string>().Should().Be("6");
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
            var (status, explained, _) = await api.Get(n.Url($"/members/{bob.MemberId}/share{query}"), n.Token);
            status.Should().Be(200, explained?.ToJsonString());
            var lines = explained!["contributions"]!.AsArray().Select(l =>
                decimal.Parse(l!["decayedPoints"]!.GetValue<string>())).ToList();
            lines.Should().HaveCount(query == "" ? 3 : 2);
            lines.Should().OnlyContain(p => p != decimal.Truncate(p),
                "every line is decayed by a factor that is not a power of two");
            decimal.Parse(explained["points"]!.GetValue<string>()).Should().Be(lines.Sum());
            Line(await Shares(n, query), bob.MemberId)["points"]!.GetValue<string>().Should()
                .Be(explained["points"]!.GetValue<string>());
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

        var (status, body, _) = await api.Post(n.Url("/value-equations/simulate"), new { preset = "hours-only" },
            bob.Token);
        status.Should().Be(200, body?.ToJsonString());
        body!["currentVersion"]!.GetValue<int>().Should().Be(1);
        body["currentTotalPoints"]!.GetValue<string>().Should().Be("11600");
        body["proposedTotalPoints"]!.GetValue<string>().Should().Be("120");
        body["unvalued"]!.AsArray().Select(u => u!.GetValue<string>()).Should().Equal(cash.ToString());
        var bobLine = body["members"]!.AsArray().Single(m =>
            m!["memberId"]!.GetValue<string>() == bob.MemberId.ToString())!;
        (bobLine["currentShare"]!.GetValue<string>(), bobLine["proposedShare"]!.GetValue<string>(),
            bobLine["shareDifference"]!.GetValue<string>(),
            bobLine["proposedPoints"]!.GetValue<string>(), bobLine["percentDifference"]!.GetValue<string>())
            .Should().Be(("0.8275862068965517241379310345", "1", "0.1724137931034482758620689655", "120", "17.24"));
        var adaLine = body["members"]!.AsArray().Single(m =>
            m!["memberId"]!.GetValue<string>() == n.MemberId.ToString())!;
        adaLine["shareDifference"]!.GetValue<string>().Should().Be("-0.1724137931034482758620689655");

        (await api.Post(n.Url("/value-equations/simulate"), new { rules = new { work = new { unit = "hour", rate = "0",
            multiplier = "1" } } }, bob.Token))
            .ShouldBeProblem(400, field: "rules.work.rate");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }
}
