using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 1: bulk-appending the network's real contribution events into the app's event store with
/// Marten's two bulk COPY APIs, against Npgsql binary COPY of the same rows into tables shaped like Marten's.
/// Each run starts from empty tables after a checkpoint. Ordinary session appends are not a contender: in the
/// app's store they run every inline projection (docs/performance.md, measurement 1).
/// </summary>
public static class BulkAppend
{
    public const int BulkBatchSize = Loader.BatchSize;

    public static Measurement Create(BenchStore bench, LoadedNetwork network)
    {
        var raw = new RawEventTables(bench);
        HistoricEvent[] history = [];
        var checkedRows = false;
        async Task<Sample> Marten(Func<CancellationToken, Task> append, CancellationToken ct)
        {
            var sample = await Run(bench, network, append, ct);
            checkedRows |= await SameRowsAsBaseline(raw, ct);
            return sample;
        }

        return new Measurement(
            "1", "bulk append of contribution events", "events/s",
            new Contender("Npgsql binary COPY into mt_events-shaped tables", async ct =>
            {
                await raw.Clean(ct);
                return Throughput(network.ContributionEventCount, await Stats.Timed(() => raw.Copy(network.TenantId, network.ContributionStreams, ct)));
            }),
            [
                new Contender($"Marten BulkInsertEventsAsync (stream by stream, COPY batches of {BulkBatchSize:#,0}), chain keeper on",
                    ct => ChainSwitch.WithKeeper(bench,
                        c => Marten(c2 => Loader.StreamByStream(bench.Store, network.TenantId, network.ContributionStreams, c2), c), ct)),
                new Contender("the same, event chain off (no keeper)",
                    ct => Marten(c => Loader.StreamByStream(bench.Store, network.TenantId, network.ContributionStreams, c), ct)),
                new Contender($"Marten BulkInsertEventStreamAsync (in time order, COPY batches of {BulkBatchSize:#,0}), chain keeper on",
                    ct => ChainSwitch.WithKeeper(bench,
                        c => Marten(c2 => Loader.InOrder(bench.Store, network.TenantId, history, c2), c), ct)),
                new Contender("the same in time order, event chain off (no keeper)",
                    ct => Marten(c => Loader.InOrder(bench.Store, network.TenantId, history, c), ct)),
            ],
            [Target.RatioAtLeast(0.5)],
            Prepare: async ct =>
            {
                history = Loader.InTimeOrder(network.ContributionStreams);
                await raw.Create(ct);
            },
            Finish: () =>
            {
                Console.WriteLine(checkedRows
                    ? "    checked: every Marten run stored the baseline's rows (same streams, versions, types and jsonb bodies)"
                    : "    not checked against the baseline's rows (no Marten run came after a baseline run)");
                return Task.CompletedTask;
            },
            Note: "the app's real contribution events (Network/RealEvents.cs: submitted, reviewed, accepted with points and valuation " +
                  "or rejected), one stream per contribution, into the app's store (Storage.Configure: its serializer and conjoined tenancy; bulk appends bypass inline projections)");
    }

    private static async Task<Sample> Run(BenchStore bench, LoadedNetwork network, Func<CancellationToken, Task> append, CancellationToken ct)
    {
        await bench.Clean(ct);
        var elapsed = await Stats.Timed(() => append(ct));
        var stored = await bench.Scalar("select count(*) from openvalue.mt_events", ct);
        if (stored != network.ContributionEventCount)
            throw new InvalidOperationException($"{stored} events stored, {network.ContributionEventCount} appended");
        return Throughput(network.ContributionEventCount, elapsed);
    }

    /// <summary>False when the baseline has not run yet; throws when Marten stored other rows than the baseline copied.</summary>
    private static async Task<bool> SameRowsAsBaseline(RawEventTables raw, CancellationToken ct)
    {
        if (!await raw.HasRows(ct)) return false;
        var differences = await raw.Differences(ct);
        if (differences > 0) throw new InvalidOperationException($"{differences} events differ between Marten's mt_events and the baseline's copy");
        return true;
    }

    private static Sample Throughput(long events, TimeSpan elapsed) =>
        new(Stats.PerSecond(events, elapsed), new Dictionary<string, double> { ["seconds"] = elapsed.TotalSeconds, ["events"] = events });
}
