using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 1: appending the network's real contribution events into the app's event store — Marten's two
/// bulk COPY APIs and ordinary session appends of ~1000 events per commit — against Npgsql binary COPY of the
/// same rows into tables shaped like Marten's. Each run starts from empty tables after a checkpoint.
/// </summary>
public static class BulkAppend
{
    public const int EventsPerCommit = 1_000;
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
                new Contender($"Marten BulkInsertEventsAsync (stream by stream, COPY batches of {BulkBatchSize:#,0})",
                    ct => Marten(c => Loader.StreamByStream(bench.Store, network.TenantId, network.ContributionStreams, c), ct)),
                new Contender($"Marten BulkInsertEventStreamAsync (in time order, COPY batches of {BulkBatchSize:#,0})",
                    ct => Marten(c => Loader.InOrder(bench.Store, network.TenantId, history, c), ct)),
                new Contender($"Marten session appends, {EventsPerCommit:#,0} events per commit", ct => Marten(c => SessionAppends(bench, network, c), ct)),
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
                  "or rejected), one stream per contribution, into the app's store (Storage.Configure: Rich appends, conjoined tenancy)");
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

    private static async Task SessionAppends(BenchStore bench, LoadedNetwork network, CancellationToken ct)
    {
        foreach (var chunk in Commits(network.ContributionStreams))
        {
            await using var session = bench.Store.LightweightSession(network.TenantId);
            foreach (var stream in chunk) session.Events.StartStream(stream.Id, stream.Events);
            await session.SaveChangesAsync(ct);
        }
    }

    /// <summary>Whole streams, grouped so that each commit carries about EventsPerCommit events.</summary>
    private static IEnumerable<List<GeneratedStream>> Commits(IEnumerable<GeneratedStream> streams)
    {
        var chunk = new List<GeneratedStream>();
        var events = 0;
        foreach (var stream in streams)
        {
            chunk.Add(stream);
            if ((events += stream.Events.Length) < EventsPerCommit) continue;
            yield return chunk;
            (chunk, events) = ([], 0);
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private static Sample Throughput(long events, TimeSpan elapsed) =>
        new(Stats.PerSecond(events, elapsed), new Dictionary<string, double> { ["seconds"] = elapsed.TotalSeconds, ["events"] = events });
}
