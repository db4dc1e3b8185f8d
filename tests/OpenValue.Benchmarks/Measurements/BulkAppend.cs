using JasperFx.Events;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 1: appending the network's contribution events through Marten — its bulk COPY API and
/// ordinary session appends of ~1000 events per commit — against Npgsql binary COPY of the same rows into
/// tables shaped like Marten's. Each run starts from empty tables after a checkpoint.
/// </summary>
public static class BulkAppend
{
    public const int EventsPerCommit = 1_000;
    public const int BulkBatchSize = 10_000;

    public static Measurement Create(BenchStore bench, LoadedNetwork network)
    {
        var raw = new RawEventTables(bench);
        return new Measurement(
            "1", "bulk append of contribution events", "events/s",
            new Contender("Npgsql binary COPY into mt_events-shaped tables", async ct =>
            {
                await raw.Clean(ct);
                return Throughput(network.EventCount, await Stats.Timed(() => raw.Copy(network, ct)));
            }),
            [
                new Contender($"Marten BulkInsertEventsAsync (COPY batches of {BulkBatchSize:#,0})", ct => Run(bench, network, BulkInsert, ct)),
                new Contender($"Marten session appends, {EventsPerCommit:#,0} events per commit", ct => Run(bench, network, SessionAppends, ct)),
            ],
            [Target.RatioAtLeast(0.5)],
            Prepare: async ct => { _ = network.Streams; await raw.Create(ct); },
            Note: "stand-in contribution events (Network/StandInEvents.cs), one stream per contribution");
    }

    private static async Task<Sample> Run(
        BenchStore bench, LoadedNetwork network, Func<BenchStore, LoadedNetwork, CancellationToken, Task> append, CancellationToken ct)
    {
        await bench.Clean(ct);
        var elapsed = await Stats.Timed(() => append(bench, network, ct));
        var stored = await bench.Scalar("select count(*) from openvalue.mt_events", ct);
        if (stored != network.EventCount) throw new InvalidOperationException($"{stored} events stored, {network.EventCount} appended");
        return Throughput(network.EventCount, elapsed);
    }

    private static Task BulkInsert(BenchStore bench, LoadedNetwork network, CancellationToken ct)
    {
        var streams = network.Streams.Select(s => StreamAction.Start(bench.Events, s.Id, s.Events)).ToList();
        return bench.Store.BulkInsertEventsAsync(network.TenantId, streams, BulkBatchSize, ct);
    }

    private static async Task SessionAppends(BenchStore bench, LoadedNetwork network, CancellationToken ct)
    {
        foreach (var chunk in Commits(network.Streams))
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
