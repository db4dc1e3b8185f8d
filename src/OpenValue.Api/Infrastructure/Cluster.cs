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
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(3);

    public static void Configure(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = Heartbeat;
        durability.FirstHealthCheckExecution = TimeSpan.Zero;
        durability.StaleNodeTimeout = StaleAfter;
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(5);
        // A new leader would otherwise spend its first evaluation placing nothing that runs nowhere, in case its
        // predecessor had just started it somewhere: that costs a dead leader's shards one more round. Starting the
        // feed twice for a moment is harmless: its entries are keyed by event sequence and its progress is written
        // with a check, so the second copy stops at its first conflicting write.
        durability.LeaderTakeoverHoldEvaluations = 0;
    }
}
