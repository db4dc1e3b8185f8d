using OpenValue.Api.Integrity;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 7: the integrity check (Integrity.Verifier, what <c>verify</c> and GET /integrity run) over the
/// loaded network: its chain walked and every document and ledger entry recomputed from the events, against the
/// raw streamed read of every event that measurement 3 also compares with. Prepare imports the network in time
/// order and rebuilds every projection, so the check must find it intact.
/// </summary>
public static class Verify
{
    public static Measurement Create(BenchStore bench, LoadedNetwork network)
    {
        var total = 0L;
        return new Measurement(
            "7", "verify (chain, documents, ledger)", "events/s",
            new Contender("raw streamed SELECT + System.Text.Json into the real event types", async ct =>
            {
                var (events, _) = (0L, 0m);
                var elapsed = await Stats.Timed(async () => (events, _) = await Rebuild.ReadRaw(bench, network.TenantId, ct));
                return Throughput(events, elapsed);
            }),
            [
                new Contender("Verifier.Verify: the chain, the recorded heads, every document and ledger entry", async ct =>
                {
                    IntegrityReport report = null!;
                    var elapsed = await Stats.Timed(async () => report = await new Verifier(bench.Store).Verify(Guid.Parse(network.TenantId), null, ct));
                    if (!report.Intact || report.EventsChecked != total)
                        throw new InvalidOperationException($"verify found {report.FirstBreak?.What ?? $"{report.EventsChecked} of {total} events"}");
                    return Throughput(report.EventsChecked, elapsed);
                }),
            ],
            [Target.FigureAtLeast(5_000, "events/s")],
            Prepare: async ct =>
            {
                total = await Rebuild.Load(bench, network, ct);
                // Chained as the app's keeper would have a moment after the import, so verify times checking only.
                await ChainKeeper.CatchUp(bench.Db, "openvalue", ct);
                // As autovacuum would after so many new rows: without statistics the planner takes the hashes for
                // an empty table and verify's anti-joins scan instead of looking up.
                await using (var analyze = bench.Db.CreateCommand("analyze openvalue.ov_event_hashes"))
                    await analyze.ExecuteNonQueryAsync(ct);
                await Rebuild.Timed(bench, [.. bench.Projections.Select(p => p.Name)], ct);
                await bench.Checkpoint(ct);
            },
            Note: "the whole network imported in time order, every projection rebuilt by the daemon, then checked; " +
                  "the raw read is the least any recomputation must do");
    }

    private static Sample Throughput(long events, TimeSpan elapsed) =>
        new(Stats.PerSecond(events, elapsed), new Dictionary<string, double> { ["seconds"] = elapsed.TotalSeconds, ["events"] = events });
}
