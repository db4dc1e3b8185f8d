using System.Diagnostics;
using Npgsql;
using OpenValue.Api.Integrity;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// Runs a contender with the event chain's keeper (Integrity/ChainKeeper, chain.sql's <c>ov_chain_advance</c>) on
/// or off, so one run measures appends with and without it side by side.
/// </summary>
public static class ChainSwitch
{
    /// <summary>
    /// The keeper off: holds its lock for the run, so the app's own keepers skip every step; they catch up after.
    /// </summary>
    public static async Task<Sample> Off(BenchStore bench, Func<CancellationToken, Task<Sample>> run,
        CancellationToken ct)
    {
        await using var holder = await bench.Db.OpenConnectionAsync(ct);
        await Execute(holder, $"select pg_advisory_lock({ChainKeeper.Lock})", ct);
        try
        {
            return await run(ct);
        }
        finally
        {
            await Execute(holder, $"select pg_advisory_unlock({ChainKeeper.Lock})", ct);
        }
    }

    /// <summary>
    /// The keeper on for a store the benchmark drives without the app (bulk appends): a keeper steps beside the
    /// appends as the app's does (every <see cref="ChainKeeper.Every"/>), and the sample says how long after the
    /// last append every event was chained ("chained after s").
    /// </summary>
    public static async Task<Sample> WithKeeper(BenchStore bench, Func<CancellationToken, Task<Sample>> run,
        CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keeper = Keep(bench, stop.Token);
        Sample sample;
        try
        {
            sample = await run(ct);
        }
        finally
        {
            await stop.CancelAsync();
            await keeper;
        }
        var clock = Stopwatch.StartNew();
        await ChainKeeper.CatchUp(bench.Db, "openvalue", ct);
        var unchained = await bench.Scalar("""
            select count(*) from openvalue.mt_events e where e.type <> 'tombstone' and not exists (
                   select 1 from openvalue.ov_event_hashes h
                    where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version)
            """, ct);
        if (unchained > 0) throw new InvalidOperationException($"{unchained} events left unchained by the keeper");
        var details = new Dictionary<string, double>(sample.Details ?? new Dictionary<string, double>())
        {
            ["chained after s"] = clock.Elapsed.TotalSeconds,
        };
        return sample with { Details = details };
    }

    private static async Task Keep(BenchStore bench, CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(ChainKeeper.Every);
            do
            {
                while (await ChainKeeper.Advance(bench.Db, "openvalue", stop) > 0)
                {
                }
            } while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
        catch (NpgsqlException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
