using JasperFx.Events;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Contributions;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Valuation;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Tests.Valuation;

[Collection(AppCollection.Name)]
public class revaluing_past_contributions(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private async Task<string> Points(FoundedNetwork n, Guid member, Instant asOf)
    {
        var shares = await api.Get<SharesResponse>(n.Url($"/shares?asOf={InstantPattern.ExtendedIso.Format(asOf)}"),
            n.Token);
        return shares.Expect(200).Members.SingleOrDefault(m => m.MemberId == member)?.Points ?? "0";
    }

    [Fact]
    public Task A_steward_revalues_under_a_version_with_compensating_events_that_count_from_their_own_instant() => app.WithClock(async () =>
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        var unvalued = await api.Accepted(n, bob.Token, n.Token, Claims.Work("5"));        // no equation yet: no points
        await api.Adopt(n, new { preset = "hours-only" });
        var early = await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));          // v1: 10
        app.Advance(Duration.FromDays(1));
        await api.Adopt(n, new { preset = "hours-only", rules = new { work = new { rate = "3" } } });
        await api.Accepted(n, n.Token, bob.Token, Claims.Work("1"));                       // v2: 3
        var beforeRevaluation = app.Clock.GetCurrentInstant();
        app.Advance(Duration.FromDays(1));

        var body = (await api.Post<RevaluationResponse>(n.Url("/value-equations/2/revaluation"),
            new { reason = "Work is worth 3 per hour from now on" }, n.Token)).Expect(200);
        body.Corrected.Select(c => (c.ContributionId, c.PreviousPoints, c.Points))
            .Should().BeEquivalentTo(new[] { (unvalued, (string?)null, "15"), (early, "10", "30") });

        var correction = (await app.Events(n.NetworkId, early)).Select(e => e.Data).OfType<ContributionValueCorrected>().Single();
        correction.Should().BeEquivalentTo(new { PreviousPoints = 10m, Points = 30m, EquationVersion = 2, Reason = "Work is worth 3 per hour from now on", CorrectedBy = n.MemberId });
        (await app.Events(n.NetworkId, n.NetworkId)).Select(e => e.Data).OfType<ContributionsRevalued>().Single().CorrectedCount.Should().Be(2);
        (await api.Get<ContributionResponse>(n.Url($"/contributions/{early}"), n.Token)).Expect(200).EquationVersion
            .Should().Be(2);

        (await Points(n, bob.MemberId, beforeRevaluation)).Should().Be("10");
        (await Points(n, bob.MemberId, app.Clock.GetCurrentInstant())).Should().Be("45");
        (await Points(n, n.MemberId, app.Clock.GetCurrentInstant())).Should().Be("3");

        // Nothing left to change: a retry appends nothing.
        var count = await app.EventCount(n.NetworkId);
        (await api.Post<RevaluationResponse>(n.Url("/value-equations/2/revaluation"), new { reason = "again" },
            n.Token)).Expect(200).Corrected.Should().BeEmpty();
        (await app.EventCount(n.NetworkId)).Should().Be(count);

        // The ledger rebuilt from the events, corrections included, equals the live one.
        var live = await Points(n, bob.MemberId, app.Clock.GetCurrentInstant());
        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<PointsLedgerProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        (await Points(n, bob.MemberId, app.Clock.GetCurrentInstant())).Should().Be(live);
        (await Points(n, bob.MemberId, beforeRevaluation)).Should().Be("10");
    });

    [Fact]
    public async Task Revaluation_needs_a_steward_a_reason_and_an_adopted_version()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer", "treasurer");
        await api.Adopt(n, new { preset = "hours-only" });
        (await api.Post(n.Url("/value-equations/1/revaluation"), new { reason = "why not" }, bob.Token)).ShouldBeProblem(403);
        (await api.Post(n.Url("/value-equations/1/revaluation"), new { reason = " " }, n.Token)).ShouldBeProblem(400, field: "reason");
        (await api.Post(n.Url("/value-equations/7/revaluation"), new { reason = "typo" }, n.Token)).ShouldBeProblem(404, code: "value-equation-not-found");
    }
}
