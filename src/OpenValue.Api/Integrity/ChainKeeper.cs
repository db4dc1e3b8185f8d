using Marten;
using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Hashes events behind the appends rather than inside them (Sql/chain.sql, <c>ov_chain_advance</c>): every node
/// polls a few times a second and one at a time (an advisory lock) moves the chain on over the events committed
/// since, so an append never waits for its hash. Verify, a recorded chain head and the money checks catch the
/// chain up themselves before they read it.
/// </summary>
public sealed class ChainKeeper(IDocumentStore store, ILogger<ChainKeeper> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    /// <summary>chain.sql's advisory lock of the keeper's step: whoever holds it, no keeper steps.</summary>
    public const string Lock = "7384061, 1";

    /// <summary>The most sequence numbers one step takes (one transaction of the keeper).</summary>
    public const int Step = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (db, schema) = (ChainAnchors.Db(store), store.Options.DatabaseSchemaName);
        using var timer = new PeriodicTimer(Every);
        try
        {
            do
            {
                try
                {
                    while (await Advance(db, schema, stoppingToken) > 0)
                    {
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; the events only wait a little longer for their hashes.
                    logger.LogWarning("Chaining events failed: {Error}", e.GetType().Name);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; whatever is left, the next start's keeper (or any other node's) hashes.
        }
    }

    /// <summary>
    /// One step: how many sequence numbers the chain moved on; 0 when there is nothing new (or the next number
    /// is still in flight), -1 when another keeper is stepping.
    /// </summary>
    public static async Task<long> Advance(NpgsqlDataSource db, string schema, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand($"select {schema}.ov_chain_advance({Step})");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    /// <summary>
    /// Steps until nothing is left that may be chained now, waiting while another keeper steps; returns the
    /// sequence number every event up to which is chained.
    /// </summary>
    public static async Task<long> CatchUp(NpgsqlDataSource db, string schema, CancellationToken cancellation)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var moved = await Advance(db, schema, cancellation);
            if (moved > 0) continue;
            if (moved == 0 || waited > TimeSpan.FromSeconds(10)) return await ChainedThrough(db, schema, cancellation);
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellation);
            waited += TimeSpan.FromMilliseconds(20);
        }
    }

    /// <summary>
    /// After <see cref="CatchUp"/>, hashes every committed event past the marker, across gaps it still waits out
    /// (verify: a database and its restored copy must verify alike); returns the highest sequence number stored.
    /// </summary>
    public static async Task<long> ChainVisible(NpgsqlDataSource db, string schema, CancellationToken cancellation)
    {
        await CatchUp(db, schema, cancellation);
        await using var command = db.CreateCommand($"select {schema}.ov_chain_visible()");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    /// <summary>Every event up to this sequence number is chained (or was given up on as never committed).</summary>
    public static async Task<long> ChainedThrough(NpgsqlDataSource db, string schema, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(SqlResource.Load("chained_through.sql", schema));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    /// <summary>Hashes one stream's events the keeper has not reached yet (a money check reads them at once).</summary>
    public static async Task ChainStream(NpgsqlDataSource db, string schema, string tenant, Guid stream,
        CancellationToken cancellation)
    {
        await using var command = db.CreateCommand($"select {schema}.ov_chain_stream($1, $2)");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(stream);
        await command.ExecuteScalarAsync(cancellation);
    }
}
