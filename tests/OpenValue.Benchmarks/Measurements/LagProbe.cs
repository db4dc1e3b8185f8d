using System.Diagnostics;
using Marten;
using Npgsql;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>Each event's lag in milliseconds, and the probe's median time between two looks (its resolution).</summary>
public sealed record ProbedLags(IReadOnlyList<double> Lags, double PollPeriodMs);

/// <summary>
/// Watches one network's new events commit and one projection shard pass them, from its own connection. About
/// every 2 ms a single query reads the shard's progression (<c>mt_event_progression.last_seq_id</c>, which the
/// daemon writes in the same transaction as the projected documents) and the network's events above what it had
/// already seen projected. An event's commit is the first look that returns it; its projection the first look
/// whose progression reaches its sequence. Both come from one statement's snapshot on one clock, so an event
/// committed and projected between two looks counts as 0 ms: the resolution is the poll period.
/// </summary>
public sealed class LagProbe
{
    private readonly Dictionary<long, double> _committed = [];
    private readonly Dictionary<long, double> _projected = [];
    private readonly List<double> _periods = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public static async Task<LagProbe> Start(IDocumentStore store, Guid networkId, string shard, CancellationToken ct)
    {
        var probe = new LagProbe();
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using (var floor = new NpgsqlCommand("select coalesce(max(seq_id), 0) from openvalue.mt_events", connection))
        {
            var start = (long)(await floor.ExecuteScalarAsync(ct))!;
            probe._loop = Task.Run(() => probe.Watch(connection, networkId.ToString(), shard, start), CancellationToken.None);
        }
        return probe;
    }

    /// <summary>Waits until <paramref name="expected"/> new events were seen committed and projected (60 s at most), then stops.</summary>
    public async Task<ProbedLags> Finish(int expected, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (Count(_projected) < expected && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(10, ct);
        await _stop.CancelAsync();
        await _loop;
        lock (_committed)
        {
            if (_projected.Count < expected)
                throw new TimeoutException($"Only {_projected.Count} of {expected} events were projected within 60 s of the load's end.");
            var lags = _projected.Select(p => p.Value - _committed[p.Key]).ToList();
            var sorted = _periods.Order().ToList();
            return new ProbedLags(lags, sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2]);
        }
    }

    private int Count(Dictionary<long, double> seen) { lock (_committed) return seen.Count; }

    private async Task Watch(NpgsqlConnection connection, string tenant, string shard, long start)
    {
        await using var _ = connection;
        await using var look = new NpgsqlCommand("""
            select coalesce((select last_seq_id from openvalue.mt_event_progression where name = $1), 0),
                   array(select seq_id from openvalue.mt_events where tenant_id = $2 and seq_id > $3 order by seq_id)
            """, connection);
        look.Parameters.AddWithValue(shard);
        look.Parameters.AddWithValue(tenant);
        var above = look.Parameters.AddWithValue(start);
        var clock = Stopwatch.StartNew();
        var previous = 0.0;
        while (!_stop.IsCancellationRequested)
        {
            long progression;
            long[] events;
            await using (var reader = await look.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (progression, events) = (reader.GetInt64(0), reader.GetFieldValue<long[]>(1));
            }
            var now = clock.Elapsed.TotalMilliseconds;
            lock (_committed)
            {
                foreach (var seq in events)
                    _committed.TryAdd(seq, now);
                foreach (var seq in _committed.Keys.Where(s => s <= progression && !_projected.ContainsKey(s)).ToList())
                    _projected[seq] = now;
                _periods.Add(now - previous);
            }
            previous = now;
            above.Value = Math.Max(start, progression);
            try { await Task.Delay(2, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }
    }
}
