using System.Diagnostics;
using Xunit.Abstractions;

namespace OpenValue.Cluster.Tests;

/// <summary>
/// Several app nodes on one PostgreSQL, as a deployment runs them: every node takes writes, and Wolverine gives the
/// activity feed's projection shard to one of them. These kill nodes with kill -9 (no goodbye, no handover) and
/// watch the feed from the database. Bounded and loopback only, so they run in ./openvalue.sh test.
/// </summary>
public sealed class the_feed_when_a_node_dies(ITestOutputHelper output)
{
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task another_node_runs_it_within_10_seconds_and_it_misses_and_doubles_nothing()
    {
        var db = await ClusterDatabase.Create("failover");
        await using var a = await Node.Start(db, "A");
        await using var b = await Node.Start(db, "B");
        await using var c = await Node.Start(db, "C");
        Node[] nodes = [a, b, c];
        var network = await Network.Found(a);
        var admitted = new List<Guid> { network.Founder };
        for (var i = 0; i < 9; i++)
        {
            var node = nodes[i % 3];
            var member = await network.Admit(node, $"Before {i}");
            member.Should().NotBeNull($"node {node} takes writes");
            admitted.Add(member!.Value);
        }
        await Feed.CaughtUp(db, TimeSpan.FromSeconds(30));

        var ownerId = await db.FeedOwner();
        var owner = nodes.Single(node => node.Id == ownerId);
        var survivors = nodes.Where(node => node != owner).ToArray();
        var wasLeader = await db.Leader() == owner.Id;
        var progressAtKill = await db.FeedProgress();
        var clock = Stopwatch.StartNew();
        await owner.Kill();

        // Writes go on through the survivors, five a second, while nobody runs the dead node's shard.
        var writes = Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < 60; i++)
            {
                var member = await network.Admit(survivors[i % 2], $"After {i}");
                member.Should().NotBeNull("the surviving nodes keep taking writes");
                ids.Add(member!.Value);
                await Task.Delay(200);
            }
            return ids;
        });
        TimeSpan? elected = wasLeader ? null : TimeSpan.Zero, assigned = null, running = null;
        while (running is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var leader = await db.Leader();
            if (elected is null && survivors.Any(node => node.Id == leader))
                elected = clock.Elapsed;
            var now = await db.FeedOwner();
            if (assigned is null && survivors.Any(node => node.Id == now))
                assigned = clock.Elapsed;
            if (await db.FeedProgress() > progressAtKill)
                running = clock.Elapsed;
            await Task.Delay(50);
        }
        admitted.AddRange(await writes);
        output.WriteLine($"killed {owner} (ran the feed{(wasLeader ? ", and led" : "")}); " +
                         (wasLeader ? $"a survivor led after {Seconds(elected)}, " : "") +
                         $"the shard was assigned to a survivor after {Seconds(assigned)}, " +
                         $"the feed moved again after {Seconds(running)}");

        running.Should().NotBeNull().And.Subject.As<TimeSpan>().Should().BeLessThan(TakeoverLimit);
        await Feed.CaughtUp(db, TimeSpan.FromSeconds(30));
        (await db.FeedEntryIds(network.Id)).Should().Equal(await db.EventSequences(network.Id),
            "the feed holds one entry per fact, none missed");
        var named = await network.AdmissionsInFeed(survivors[0]);
        named.Should().OnlyHaveUniqueItems("no fact is shown twice").And.BeEquivalentTo(admitted);

        // The chain keeper steps on whichever node holds its lock: a kill -9 mid-step drops the lock with the
        // connection, and the survivors hash every event, the dead node's last ones included.
        var chained = Stopwatch.StartNew();
        var facts = await db.EventSequences(network.Id);
        while (!(await db.HashedSequences(network.Id)).SequenceEqual(facts) && chained.Elapsed < TakeoverLimit)
            await Task.Delay(100);
        (await db.HashedSequences(network.Id)).Should().Equal(facts, "every fact is hashed once");
        output.WriteLine($"every event hashed {Seconds(chained.Elapsed)} after the writes");
    }

    [Fact]
    public async Task a_lone_node_killed_and_restarted_is_fresh_again_within_10_seconds()
    {
        var db = await ClusterDatabase.Create("restart");
        var first = await Node.Start(db, "A");
        var network = await Network.Found(first);
        for (var i = 0; i < 5; i++)
            (await network.Admit(first, $"Before {i}")).Should().NotBeNull();
        await Feed.CaughtUp(db, TimeSpan.FromSeconds(30));
        await first.Kill();

        await using var restarted = await Node.Start(db, "A, restarted");
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampling = Feed.Sample(db, clock, stop.Token);
        var written = new List<(TimeSpan At, long Sequence)>();
        while (clock.Elapsed < TimeSpan.FromSeconds(14))
        {
            (await network.Admit(restarted, $"After {written.Count}")).Should().NotBeNull();
            written.Add((clock.Elapsed, await db.HighWater()));
            await Task.Delay(200);
        }
        await Feed.CaughtUp(db, TimeSpan.FromSeconds(30));
        stop.Cancel();
        var samples = await sampling;

        // Each write's lag: from its answer to the first sample in which the feed had passed it.
        var lags = written.Select(write => (write.At, Lag: samples
                .Where(sample => sample.At >= write.At && sample.Progress >= write.Sequence)
                .Select(sample => sample.At - write.At).DefaultIfEmpty(TimeSpan.MaxValue).First()))
            .ToList();
        var lastSlow = lags.LastOrDefault(write => write.Lag >= TimeSpan.FromSeconds(1));
        output.WriteLine($"{lags.Count} writes over 14 s after the restart; the last with a lag of 1 s or more was " +
                         (lastSlow == default ? "none" : $"written {Seconds(lastSlow.At)} after it ({Seconds(lastSlow.Lag)})") +
                         $"; median lag of the writes after 10 s: {Seconds(Median(lags.Where(l => l.At >= TakeoverLimit)))}");

        lags.Where(write => write.At >= TakeoverLimit).Should().NotBeEmpty()
            .And.OnlyContain(write => write.Lag < TimeSpan.FromSeconds(1), "the feed is fresh 10 s after the restart");
    }

    private static TimeSpan Median(IEnumerable<(TimeSpan At, TimeSpan Lag)> lags)
    {
        var sorted = lags.Select(l => l.Lag).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? $"{s.TotalSeconds:0.00} s" : "never";
}
