using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Shares;

[Collection(AppCollection.Name)]
public class share_history(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Iso(Instant at) => Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(at));

    private async Task<ShareHistoryResponse> Get(FoundedNetwork n, string token, string query) =>
        (await api.Get<ShareHistoryResponse>(n.Url("/shares/history" + query), token)).Expect(200);

    [Fact]
    public async Task Each_moment_carries_the_points_and_share_that_shares_as_of_it_give() =>
        await app.WithClock(async () =>
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        await api.Adopt(n, Valuations.SlicingPieAt40());
        var start = app.Clock.GetCurrentInstant();
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("1")); // at start: 1 h x 40 x 2 = 80 points for Bob
        app.Advance(Duration.FromDays(7));
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("3")); // at start + 7 d: 3 h x 40 x 2 = 240 for Ada
        app.Advance(Duration.FromDays(7));

        var history = await Get(n, bob.Token, $"?from={Iso(start - Duration.FromDays(7))}");
        history.Step.Should().Be("week");
        history.MemberId.Should().Be(bob.MemberId, "the caller's own by default");
        var points = history.Points;
        // Moments start - 7 d, start, start + 7 d, start + 14 d (= now, to's default): Bob 0, 80, 80, 80 of
        // 0, 80, 80 + 240 = 320, 320 points; so 0 %, 100 %, 80 / 320 = 25 %, 25 %.
        points.Select(p => p.Points).Should().Equal("0", "80", "80", "80");
        points.Select(p => p.TotalPoints).Should().Equal("0", "80", "320", "320");
        points.Select(p => p.Percent).Should().Equal("0.00", "100.00", "25.00", "25.00");
        foreach (var p in points)
        {
            var shares = (await api.Get<SharesResponse>(n.Url($"/shares?asOf={Iso(p.At)}&memberId={bob.MemberId}"),
                n.Token)).Expect(200);
            var line = shares.Members.SingleOrDefault();
            (line?.Share ?? "0").Should().Be(p.Share);
            shares.TotalPoints.Should().Be(p.TotalPoints);
        }

        var ada = await Get(n, bob.Token, $"?memberId={n.MemberId}&step=day&from={Iso(start + Duration.FromDays(6))}");
        // Days start + 6 d, + 7 d (Ada's 240 of 320 counts from that instant on), + 8 d, ... + 14 d: 9 moments.
        ada.Points.Select(p => p.Points).Should()
            .Equal("0", "240", "240", "240", "240", "240", "240", "240", "240");
    });

    [Fact]
    public async Task Bad_ranges_and_steps_are_400_naming_the_field_and_another_network_is_404()
    {
        var n = await api.Found();
        var now = app.Clock.GetCurrentInstant();
        (await api.Get(n.Url("/shares/history?step=year"), n.Token)).ShouldBeProblem(400, field: "step");
        (await api.Get(n.Url($"/shares/history?to={Iso(now + Duration.FromDays(1))}"), n.Token))
            .ShouldBeProblem(400, field: "to");
        (await api.Get(n.Url("/shares/history?to=tomorrow"), n.Token)).ShouldBeProblem(400, field: "to");
        (await api.Get(n.Url($"/shares/history?from={Iso(now + Duration.FromSeconds(1))}&to={Iso(now)}"), n.Token))
            .ShouldBeProblem(400, field: "from");
        // 367 days back by day is 368 moments, more than 366; 365 days back is 366 moments, allowed.
        (await api.Get(n.Url($"/shares/history?step=day&from={Iso(now - Duration.FromDays(367))}"), n.Token))
            .ShouldBeProblem(400, field: "from");
        (await Get(n, n.Token, $"?step=day&from={Iso(now - Duration.FromDays(365))}")).Points.Should()
            .HaveCount(366);
        (await api.Get(n.Url("/shares/history?memberId=ada"), n.Token)).ShouldBeProblem(400, field: "memberId");
        (await api.Get(n.Url($"/shares/history?memberId={Guid.NewGuid()}"), n.Token))
            .ShouldBeProblem(400, field: "memberId");

        var other = await api.Found("Other");
        (await api.Get(n.Url($"/shares/history?memberId={other.MemberId}"), n.Token))
            .ShouldBeProblem(400, field: "memberId");
        (await api.Get(n.Url("/shares/history"), other.Token)).ShouldBeProblem(404);
        (await api.Get(n.Url("/shares/history"))).ShouldBeProblem(401);
    }
}
