using Wolverine;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// How quickly the app nodes that share one database notice that one of them died. Each node writes a heartbeat
/// to <c>wolverine_nodes</c>; the elected leader declares a node dead once its heartbeat is older than
/// <see cref="StaleAfter"/> on two checks in a row, and moves the dead node's projection shards (the activity feed)
/// to a live node. Wolverine's defaults took about 55 s to move the feed after a kill -9 (measured with three
/// nodes on this machine); these take a few seconds (docs/architecture.md, "Several nodes").
/// </summary>
public static class Cluster
{
    /// <summary>How often each node writes its heartbeat and the leader looks for dead nodes.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old a heartbeat may be before its node counts as dead: a few missed beats, so a garbage collection or a
    /// busy moment does not eject a live node (a node that is ejected while alive registers again and is given
    /// shards again, but its feed work stops meanwhile).
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(4);

    public static void Configure(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = Heartbeat;
        durability.StaleNodeTimeout = StaleAfter;
        // Left at Wolverine's defaults, on purpose: the first health check's delay, the leader's full check of running
        // agents (every 30 s) and its first evaluation after taking over, which places nothing that runs nowhere.
        // Shortening either let the feed's shard start twice on a busy machine; the second copy's first write then
        // failed and paused the shard for good (the API tests' feed stood still).
    }
}
