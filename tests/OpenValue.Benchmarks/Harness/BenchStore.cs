using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Npgsql;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Shares;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// The benchmark's database: Marten configured exactly as the app configures it (Storage.Configure: its event
/// types, serializer, tenancy and projections), nothing added. It refuses the app's own database.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private BenchStore(DocumentStore store, NpgsqlDataSource db) => (Store, Db) = (store, db);

    public DocumentStore Store { get; }
    public NpgsqlDataSource Db { get; }

    /// <summary>Marten's event registry: type names and aliases as Marten stores them.</summary>
    public EventGraph Events => (EventGraph)Store.Options.Events;

    /// <summary>
    /// The projections a daemon can rebuild: every one the app registers except the live (never stored) ones.
    /// </summary>
    public IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> Projections =>
        [.. Store.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live)];

    /// <summary>
    /// <paramref name="rebuildBatchSize"/> sets the daemon batch size (events fetched per page) of every projection;
    /// null keeps Marten's default (see docs/performance.md, measurement 3).
    /// </summary>
    public static async Task<BenchStore> Open(string connectionString, int? rebuildBatchSize, CancellationToken ct)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (database == "openvalue")
            throw new InvalidOperationException("The benchmarks delete their data between runs: point OPENVALUE_DB at a benchmark database, not 'openvalue'.");
        var db = Storage.DataSource(connectionString);
        var options = new StoreOptions();
        Storage.Configure(options, db);
        if (rebuildBatchSize is { } size)
            foreach (var projection in options.Projections.All) projection.Options.BatchSize = size;
        var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // As the app does at startup: chain the events, then LZ4 for large values.
        await OpenValue.Api.Integrity.EventChain.Apply(await db.OpenConnectionAsync(ct), options.DatabaseSchemaName,
            ct);
        await ToastCompression.Apply(await db.OpenConnectionAsync(ct), options.DatabaseSchemaName, ct);
        return new BenchStore(store, db);
    }

    /// <summary>
    /// Empties the event store, every document and the points ledger's tables, then checkpoints so one run's
    /// dirty pages don't slow the next.
    /// </summary>
    public async Task Clean(CancellationToken ct)
    {
        await Store.Advanced.Clean.DeleteAllEventDataAsync(ct);
        await Store.Advanced.Clean.DeleteAllDocumentsAsync(ct);
        await using (var truncate = Db.CreateCommand(TruncateTables))
            await truncate.ExecuteNonQueryAsync(ct);
        // The chain keeper starts after the last sequence number taken, as on a database chained up to here.
        await using (var progress = Db.CreateCommand("""
            insert into openvalue.ov_chain_progress (id, chained_through)
            select 1, case when is_called then last_value else last_value - 1 end from openvalue.mt_events_sequence
            on conflict (id) do update set chained_through = excluded.chained_through, gap = null, gap_seen = null
            """))
            await progress.ExecuteNonQueryAsync(ct);
        await Checkpoint(ct);
    }

    /// <summary>Empties what Marten's own cleaning leaves: the event chain's tables and the points ledger's.</summary>
    public static string TruncateTables =>
        "truncate openvalue.ov_event_hashes, openvalue.ov_chain_anchors, openvalue.ov_chain_progress, " +
        "openvalue.ov_chain_skipped, " + string.Join(", ", PointsLedgerSchema.Tables("openvalue"));

    public async Task Checkpoint(CancellationToken ct)
    {
        await using var command = Db.CreateCommand("checkpoint");
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> Scalar(string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Db.DisposeAsync();
    }
}
