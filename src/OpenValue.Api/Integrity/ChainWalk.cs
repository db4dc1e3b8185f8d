using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Walks one network's events in stream order, a page at a time, recomputing each event's hash from what is
/// stored, then lists the hashes left without their event and the streams whose tail is gone. An event after
/// <paramref name="chained"/> without its hash yet is waiting for the chain keeper, not a break.
/// </summary>
internal sealed class ChainWalk(NpgsqlDataSource db, string schema, long chained)
{
    private const int Page = 20_000;

    public async Task<long> Events(
        string tenant, Action<IntegrityBreak> found, Action<long> progress, CancellationToken cancellation)
    {
        var sql = SqlResource.Load("verify_events.sql", schema);
        var (stream, version, checkedCount) = (Guid.Empty, 0L, 0L);
        while (true)
        {
            await using var command = db.CreateCommand(sql);
            command.Parameters.AddWithValue("tenant", tenant);
            command.Parameters.AddWithValue("stream", stream);
            command.Parameters.AddWithValue("version", version);
            command.Parameters.AddWithValue("page", Page);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            var rows = 0;
            while (await reader.ReadAsync(cancellation))
            {
                (stream, version, rows) = (reader.GetGuid(0), reader.GetInt64(1), rows + 1);
                var (sequence, hashed) = (reader.GetInt64(2), reader.GetBoolean(3));
                if (!hashed && sequence > chained) continue;
                if (Broken(hashed, reader.GetBoolean(4), reader.GetBoolean(5)) is { } what)
                    found(new IntegrityBreak("event", what, stream, version, sequence));
            }
            checkedCount += rows;
            progress(checkedCount);
            if (rows < Page) return checkedCount;
        }
    }

    private static string? Broken(bool hashed, bool linked, bool intact) => (hashed, linked, intact) switch
    {
        (false, _, _) =>
            "The event has no hash: the chain keeper passed its sequence number without it (inserted behind the " +
            "app's back).",
        (_, false, _) => "The event before this one in its stream is gone.",
        (_, _, false) => "The event's stored type, time or data no longer match its hash.",
        _ => null,
    };

    public async Task Missing(string tenant, Action<IntegrityBreak> found, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(SqlResource.Load("verify_missing.sql", schema));
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("limit", 100);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var what = reader.GetString(0) == "missing"
                ? "The event was deleted: its hash is still recorded."
                : "The stream's recorded version is not its last event's: " +
                  "events at its end were removed or added behind the app's back.";
            var version = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
            found(new IntegrityBreak("event", what, reader.GetGuid(1), version, reader.GetInt64(3)));
        }
    }
}
