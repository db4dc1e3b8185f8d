using System.Text.Json;
using OpenValue.Api.Infrastructure;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 3: a full rebuild of an async per-member projection by Marten's projection daemon, against a
/// raw streamed SELECT of the same events with System.Text.Json deserialisation and the same totals kept in
/// memory (the least any rebuild must do). The figure is events consumed by the projection per second.
/// </summary>
public static class Rebuild
{
    /// <summary>
    /// <paramref name="tuned"/> is the same store with a larger daemon batch size, rebuilt in the same runs
    /// so the effect of the batch size is measured side by side rather than across noisy runs.
    /// </summary>
    public static Measurement Create(BenchStore bench, BenchStore tuned, int tunedBatchSize, LoadedNetwork network)
    {
        var consumed = 0L;
        return new Measurement(
            "3", "full projection rebuild", "events/s",
            new Contender("raw streamed SELECT + System.Text.Json", async ct =>
            {
                var totals = new Dictionary<Guid, ContributionTotals>();
                var elapsed = await Stats.Timed(() => ReadRaw(bench, network, totals, ct));
                Check(totals.Values.Sum(t => t.Submitted), network);
                return Throughput(consumed, elapsed);
            }),
            [
                new Contender("Marten daemon rebuild, default batch size", ct => RebuildWith(bench, network, () => consumed, ct)),
                new Contender($"Marten daemon rebuild, batch size {tunedBatchSize:#,0}", ct => RebuildWith(tuned, network, () => consumed, ct)),
            ],
            [Target.FigureAtLeast(25_000, "events/s")],
            Prepare: async ct =>
            {
                await bench.Clean(ct);
                await bench.Store.BulkInsertEventsAsync(network.TenantId,
                    [.. network.Streams.Select(s => JasperFx.Events.StreamAction.Start(bench.Events, s.Id, s.Events))], BulkAppend.BulkBatchSize, ct);
                consumed = await bench.Scalar($"select count(*) from openvalue.mt_events where type in ({Aliases(bench)})", ct);
                await bench.Checkpoint(ct);
            },
            Note: "projection Network/ContributionTotals.cs over the stand-in events; both sides read the events it consumes " +
                  "(submitted and accepted), the daemon also writes one document per member");
    }

    private static async Task<Sample> RebuildWith(BenchStore store, LoadedNetwork network, Func<long> consumed, CancellationToken ct)
    {
        using var daemon = await store.Store.BuildProjectionDaemonAsync();
        var elapsed = await Stats.Timed(() =>
            daemon.RebuildProjectionAsync(typeof(ContributionTotalsProjection), TimeSpan.FromMinutes(30), ct));
        Check(await store.Scalar("select coalesce(sum((data->>'submitted')::int), 0) from openvalue.mt_doc_contributiontotals", ct), network);
        return Throughput(consumed(), elapsed);
    }

    private static async Task ReadRaw(BenchStore bench, LoadedNetwork network, Dictionary<Guid, ContributionTotals> totals, CancellationToken ct)
    {
        var json = Json.Configure(new JsonSerializerOptions());
        await using var command = bench.Db.CreateCommand(
            $"select type, data from openvalue.mt_events where tenant_id = $1 and type in ({Aliases(bench)}) order by seq_id");
        command.Parameters.AddWithValue(network.TenantId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var submitted = bench.Events.EventMappingFor(typeof(ContributionSubmitted)).EventTypeName;
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetString(0) == submitted)
            {
                var e = JsonSerializer.Deserialize<ContributionSubmitted>(reader.GetString(1), json)!;
                if (totals.TryGetValue(e.MemberId, out var total)) total.Submitted++;
                else totals[e.MemberId] = new ContributionTotals { Id = e.MemberId, Submitted = 1 };
            }
            else
            {
                var e = JsonSerializer.Deserialize<ContributionAccepted>(reader.GetString(1), json)!;
                var total = totals[e.MemberId];
                total.Accepted++;
                total.Points += e.Points;
            }
        }
    }

    private static string Aliases(BenchStore bench) => string.Join(", ",
        new[] { typeof(ContributionSubmitted), typeof(ContributionAccepted) }.Select(t => $"'{bench.Events.EventMappingFor(t).EventTypeName}'"));

    private static void Check(long submitted, LoadedNetwork network)
    {
        if (submitted != network.Streams.Count)
            throw new InvalidOperationException($"the projection counted {submitted} claims, the network has {network.Streams.Count}");
    }

    private static Sample Throughput(long events, TimeSpan elapsed) =>
        new(Stats.PerSecond(events, elapsed), new Dictionary<string, double> { ["seconds"] = elapsed.TotalSeconds, ["events"] = events });
}
