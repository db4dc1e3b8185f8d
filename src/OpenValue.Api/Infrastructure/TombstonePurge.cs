using Marten;
using Marten.Schema;
using Npgsql;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Keeps Marten's tombstones (Sql/tombstones.sql: empty rows left by appends that failed) from piling up: at start
/// and every ten minutes, deletes those every async shard has passed. Every node runs it; the delete is idempotent.
/// </summary>
public sealed class TombstonePurge(IDocumentStore store, ILogger<TombstonePurge> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var purged = await Purge(store, stoppingToken);
                if (purged > 0)
                    logger.LogInformation("Purged {Count} tombstones of failed appends", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; the rows only wait a little longer.
                logger.LogWarning("Purging tombstones failed: {Error}", e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the tombstones every shard has passed; how many.</summary>
    public static async Task<long> Purge(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select {store.Options.DatabaseSchemaName}.ov_purge_tombstones()", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    /// <summary>Installs the purge function (as the schema's owner: at startup, or by <c>migrate</c>).</summary>
    public sealed class Schema : IInitialData
    {
        public const string Version = "tombstones.sql 1";

        public async Task Populate(IDocumentStore store, CancellationToken cancellation)
        {
            var schema = store.Options.DatabaseSchemaName;
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellation);
            await using (var installed = new NpgsqlCommand(
                             "select obj_description(to_regprocedure($1), 'pg_proc')", connection))
            {
                installed.Parameters.AddWithValue($"{schema}.ov_purge_tombstones()");
                if (await installed.ExecuteScalarAsync(cancellation) as string == Version)
                    return;
            }
            await using var command = new NpgsqlCommand(SqlResource.Load("tombstones.sql", schema), connection);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
