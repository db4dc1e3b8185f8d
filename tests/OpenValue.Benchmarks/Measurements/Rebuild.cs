using System.Text.Json;
using JasperFx.Events.Projections;
using Marten;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Shares;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;
using OpenValue.Domain.Contributions;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 3: full rebuilds of the app's own projections by Marten's projection daemon over the loaded
/// network — the four a contribution-heavy network depends on one by one, then every projection the app
/// registers at once — with Marten's default batch size and a larger one, against a raw streamed SELECT of
/// every event with System.Text.Json deserialisation into the real event types (the least any rebuild must
/// do). A projection's figure counts the events it consumes (the types it handles); "all at once" counts
/// every event in the store.
/// </summary>
public static class Rebuild
{
    /// <summary>The projections timed one by one: what claims, reviews and shares read on a contribution-heavy network.</summary>
    private static readonly Type[] OneByOne =
        [typeof(ContributionViewProjection), typeof(PointsLedgerProjection), typeof(MemberViewProjection), typeof(NetworkProjection)];

    private static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// <paramref name="tuned"/> is the same store with a larger daemon batch size, rebuilt in the same runs
    /// so the effect of the batch size is measured side by side rather than across noisy runs.
    /// <paramref name="allOnly"/> keeps only what <c>projections rebuild</c> does in the app: every projection at
    /// once with the app's batch size (a 1M-contribution network's full set takes hours; this one fits 3 runs in one).
    /// </summary>
    public static Measurement Create(BenchStore bench, BenchStore tuned, int tunedBatchSize, LoadedNetwork network, bool allOnly = false)
    {
        var checks = new RebuildChecks(bench, network);
        var consumed = new Dictionary<string, long>();
        var total = 0L;
        var stores = new[] { (Store: bench, Label: $"default batch size ({bench.Projections[0].Options.BatchSize:#,0})"), (Store: tuned, Label: $"batch size {tunedBatchSize:#,0}") };
        IEnumerable<Contender> subjects = allOnly
            ? [AllAtOnce(stores[0].Store, stores[0].Label, checks, consumed, () => total)]
            : OneByOne.SelectMany(type => stores.Select(s => OneProjection(s.Store, s.Label, type, checks, consumed)))
                .Concat(stores.Select(s => AllAtOnce(s.Store, s.Label, checks, consumed, () => total)));

        return new Measurement(
            "3", "full projection rebuild", "events/s",
            new Contender("raw streamed SELECT + System.Text.Json into the real event types", async ct =>
            {
                var (events, points) = (0L, 0m);
                var elapsed = await Stats.Timed(async () => (events, points) = await ReadRaw(bench, network.TenantId, ct));
                checks.RawRead(events, total, points);
                return Throughput(events, elapsed);
            }),
            [.. subjects],
            [Target.FigureAtLeast(25_000, "events/s")],
            Prepare: async ct =>
            {
                total = await Load(bench, network, ct);
                foreach (var projection in bench.Projections) consumed[projection.Name] = await Consumed(bench, projection, network.TenantId, ct);
                Console.WriteLine($"    events each projection consumes: {string.Join(", ", consumed.Select(c => $"{Short(c.Key)} {c.Value:#,0}"))}");
                await bench.Checkpoint(ct);
            },
            Note: "the app's real events and projections (Storage.Configure); the whole network's history imported in time order " +
                  "(BulkInsertEventStreamAsync), so the points ledger replays its acceptances in acceptance-time order as the live app appends them; " +
                  "each rebuild includes its teardown (truncating the previous run's documents, deleting the ledger's rows)");
    }

    /// <summary>One projection's rebuild; its figure counts the events it consumes.</summary>
    private static Contender OneProjection(BenchStore store, string label, Type type, RebuildChecks checks, Dictionary<string, long> consumed)
    {
        var name = Name(store, type);
        return new Contender($"daemon rebuild {Short(name)}, {label}", async ct =>
        {
            var elapsed = await Timed(store, [name], ct);
            await checks.Of(type, ct);
            return Throughput(consumed[name], elapsed);
        });
    }

    /// <summary>Every projection rebuilt concurrently, as <c>projections rebuild</c> does; its figure counts each stored event once.</summary>
    private static Contender AllAtOnce(BenchStore store, string label, RebuildChecks checks, Dictionary<string, long> consumed, Func<long> total) =>
        new($"daemon rebuild of all {store.Projections.Count} projections at once, {label}", async ct =>
        {
            var elapsed = await Timed(store, [.. store.Projections.Select(p => p.Name)], ct);
            await checks.All(ct);
            return Throughput(total(), elapsed, consumed.Values.Sum());
        });

    /// <summary>Empties the store and imports the network stream and every contribution's events in time order.</summary>
    internal static async Task<long> Load(BenchStore bench, LoadedNetwork network, CancellationToken ct)
    {
        await bench.Clean(ct);
        var history = Loader.InTimeOrder(network.AllStreams);
        var elapsed = await Stats.Timed(() => Loader.InOrder(bench.Store, network.TenantId, history, ct));
        var outOfOrder = await bench.Scalar("""
            select count(*) from (select (data->>'acceptedAt')::timestamptz < lag((data->>'acceptedAt')::timestamptz) over (order by seq_id) as late
                                    from openvalue.mt_events where tenant_id = $1 and type = $2) a where late
            """, ct, network.TenantId, bench.Events.EventMappingFor(typeof(ContributionAccepted)).EventTypeName);
        if (outOfOrder > 0) throw new InvalidOperationException($"{outOfOrder} acceptances were imported out of time order");
        Console.WriteLine($"    imported {history.Length:#,0} real events in time order in {elapsed.TotalSeconds:0.0} s; " +
                          $"checked: every acceptance's sequence follows acceptance time");
        return history.Length;
    }

    /// <summary>Events of the types the projection handles; all of the tenant's events when it names none.</summary>
    private static Task<long> Consumed(BenchStore bench, IProjectionSource<IDocumentOperations, IQuerySession> projection, string tenantId, CancellationToken ct)
    {
        var types = projection is EventFilterable { IncludedEventTypes.Count: > 0 } f
            ? f.IncludedEventTypes.Select(t => bench.Events.EventMappingFor(t).EventTypeName).ToArray()
            : null;
        return types is null
            ? bench.Scalar("select count(*) from openvalue.mt_events where tenant_id = $1", ct, tenantId)
            : bench.Scalar("select count(*) from openvalue.mt_events where tenant_id = $1 and type = any($2)", ct, tenantId, types);
    }

    internal static async Task<TimeSpan> Timed(BenchStore store, string[] projections, CancellationToken ct)
    {
        using var daemon = await store.Store.BuildProjectionDaemonAsync();
        return await new StatementProfile(store.Db).Around(string.Join(", ", projections.Select(Short)),
            () => Stats.Timed(() => Task.WhenAll(projections.Select(p => daemon.RebuildProjectionAsync(p, ShardTimeout, ct)))), ct);
    }

    /// <summary>A projection's name without its namespace (Marten names some projections by their full type name).</summary>
    private static string Short(string name) => name[(name.LastIndexOf('.') + 1)..];

    /// <summary>Every event of the tenant in sequence order, each deserialised into its real type; returns the count and the points accepted.</summary>
    internal static async Task<(long Events, decimal Points)> ReadRaw(BenchStore bench, string tenantId, CancellationToken ct)
    {
        var json = Json.Configure(new JsonSerializerOptions());
        var types = RealEvents.Types.ToDictionary(t => bench.Events.EventMappingFor(t).EventTypeName);
        await using var command = bench.Db.CreateCommand("select type, data from openvalue.mt_events where tenant_id = $1 order by seq_id");
        command.Parameters.AddWithValue(tenantId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (events, points) = (0L, 0m);
        while (await reader.ReadAsync(ct))
        {
            var e = JsonSerializer.Deserialize(reader.GetString(1), types[reader.GetString(0)], json);
            events++;
            if (e is ContributionAccepted { Points: { } p }) points += p;
        }
        return (events, points);
    }

    private static string Name(BenchStore store, Type projectionType) =>
        store.Projections.Single(p => p.ImplementationType == projectionType).Name;

    private static Sample Throughput(long events, TimeSpan elapsed, long? consumed = null)
    {
        var details = new Dictionary<string, double> { ["seconds"] = elapsed.TotalSeconds, ["events"] = events };
        if (consumed is { } c) details["consumed by all"] = c;
        return new Sample(Stats.PerSecond(events, elapsed), details);
    }
}
