using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Npgsql;
using OpenValue.Api.Infrastructure;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// The benchmark's database: Marten configured exactly as the app configures it (Storage.Configure), plus
/// the stand-in contribution events and an async projection over them. It refuses the app's own database.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private BenchStore(DocumentStore store, NpgsqlDataSource db) => (Store, Db) = (store, db);

    public DocumentStore Store { get; }
    public NpgsqlDataSource Db { get; }

    /// <summary>Marten's event registry: type names and aliases as Marten stores them.</summary>
    public EventGraph Events => (EventGraph)Store.Options.Events;

    public static async Task<BenchStore> Open(string connectionString, int? rebuildBatchSize, CancellationToken ct)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (database == "openvalue")
            throw new InvalidOperationException("The benchmarks delete their data between runs: point OPENVALUE_DB at a benchmark database, not 'openvalue'.");
        var db = Storage.DataSource(connectionString);
        var options = new StoreOptions();
        Storage.Configure(options, db);
        foreach (var type in ContributionEvents.Types) options.Events.AddEventType(type);
        options.Schema.For<ContributionTotals>().MultiTenanted();
        // Null keeps Marten's default batch size (see docs/performance.md, measurement 3).
        options.Projections.Add<ContributionTotalsProjection>(ProjectionLifecycle.Async, async =>
        {
            if (rebuildBatchSize is { } size) async.BatchSize = size;
        });
        var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new BenchStore(store, db);
    }

    /// <summary>Empties the event store and the projections' documents, then checkpoints so one run's dirty pages don't slow the next.</summary>
    public async Task Clean(CancellationToken ct)
    {
        await Store.Advanced.Clean.DeleteAllEventDataAsync(ct);
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(ContributionTotals), ct);
        await Checkpoint(ct);
    }

    public async Task Checkpoint(CancellationToken ct)
    {
        await using var command = Db.CreateCommand("checkpoint");
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> Scalar(string sql, CancellationToken ct)
    {
        await using var command = Db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Db.DisposeAsync();
    }
}
