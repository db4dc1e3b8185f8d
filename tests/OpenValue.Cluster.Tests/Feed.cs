using System.Diagnostics;

namespace OpenValue.Cluster.Tests;

/// <summary>Watching the activity feed's shard from the database.</summary>
public static class Feed
{
    /// <summary>Waits until the feed has passed every event stored now.</summary>
    public static async Task CaughtUp(ClusterDatabase db, TimeSpan timeout)
    {
        var target = await db.HighWater();
        var clock = Stopwatch.StartNew();
        while (await db.FeedProgress() < target)
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException(
                    $"the feed stayed at {await db.FeedProgress()} of {target} for {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Samples the feed's progress every 50 ms until stopped: (time on the given clock, last sequence passed).
    /// </summary>
    public static async Task<List<(TimeSpan At, long Progress)>> Sample(
        ClusterDatabase db, Stopwatch clock, CancellationToken stop)
    {
        var samples = new List<(TimeSpan, long)>();
        while (!stop.IsCancellationRequested)
        {
            samples.Add((clock.Elapsed, await db.FeedProgress()));
            try { await Task.Delay(50, stop); } catch (TaskCanceledException) { break; }
        }
        return samples;
    }
}
