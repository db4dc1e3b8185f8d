using Marten;
using OpenValue.Api.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Tests.Treasury;

namespace OpenValue.Api.Tests.Activity;

/// <summary>The feed is a pure function of the events: Marten's rebuild writes exactly what the live daemon wrote.</summary>
[Collection(AppCollection.Name)]
public class rebuilding_the_activity_feed(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_rebuild_equals_the_live_feed_and_removes_what_no_event_explains()
    {
        var n = await api.Found();
        await api.Adopt(n, Valuations.SlicingPieAt40());
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        var claim = await api.Submit(n, bob.Token);
        await api.Review(n, claim, n.Token, "request-changes", "Which batch?");
        (await api.Amend(n, claim, bob.Token, Claims.Work("3"))).Status.Should().Be(200);
        await api.Review(n, claim, n.Token);
        await api.RecordIncome(n, "10.00");
        await app.WithClock(async () =>
        {
            app.Clock.AdvanceMinutes(1);
            await api.Submit(n, n.Token);
        });
        var live = await api.Activity(n, n.Token);
        var liveEntries = await Entries(n);

        // A stray entry no event explains: the rebuild must empty the feed first, not merely replay into it.
        await using (var session = app.Store.LightweightSession(n.NetworkId.ToString()))
        {
            session.Store(liveEntries[0] with { Id = long.MaxValue, Summary = "Nothing happened." });
            await session.SaveChangesAsync();
        }

        await app.Rebuild((daemon, timeout) =>
            daemon.RebuildProjectionAsync<ActivityProjection>(timeout, CancellationToken.None));

        (await Entries(n)).Should().BeEquivalentTo(liveEntries, o => o.WithStrictOrdering());
        (await api.Activity(n, n.Token)).Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
        liveEntries.Should().HaveCount(11);
    }

    private async Task<IReadOnlyList<ActivityEntry>> Entries(FoundedNetwork n)
    {
        await using var session = app.Store.QuerySession(n.NetworkId.ToString());
        return await session.Query<ActivityEntry>().OrderBy(e => e.Id).ToListAsync();
    }
}
