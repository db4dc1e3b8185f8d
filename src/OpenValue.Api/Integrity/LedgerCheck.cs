using NodaTime;
using Npgsql;
using OpenValue.Api.Shares;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// The points ledger against the events: its entries must be exactly the entries the events make, and its
/// totals and per-day sums exactly the sums of its entries. (The weekly checkpoints are read back by the
/// share queries, whose results the tests compare with rebuilt ones; they are not compared here.)
/// </summary>
internal sealed class LedgerCheck(NpgsqlDataSource db, string schema)
{
    public async Task<int> Run(string tenant, Folds folds, Action<IntegrityBreak> found, CancellationToken cancellation)
    {
        var stored = await Entries(tenant, cancellation);
        foreach (var seq in stored.Keys.Union(folds.Entries.Keys).Order())
        {
            var (kept, made) = (stored.GetValueOrDefault(seq), folds.Entries.GetValueOrDefault(seq));
            if (kept != made)
                found(new IntegrityBreak("ledger",
                    kept is null ? "A points entry the events make is missing from ov_points_entries."
                    : made is null ? "ov_points_entries holds an entry no event makes." : "A points entry differs from its event.",
                    (kept ?? made)!.ContributionId, Sequence: seq, Document: "ov_points_entries"));
        }
        await Derived(tenant, found, cancellation);
        return stored.Count;
    }

    private async Task<Dictionary<long, PointsEntry>> Entries(string tenant, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(SqlResource.Load("ledger_entries.sql", schema));
        command.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var entries = new Dictionary<long, PointsEntry>();
        while (await reader.ReadAsync(cancellation))
        {
            var project = reader.IsDBNull(3) ? Guid.Empty : reader.GetGuid(3);
            var (at, accepted) = (reader.GetFieldValue<Instant>(6), reader.GetFieldValue<Instant>(7));
            entries[reader.GetInt64(0)] = new PointsEntry(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2),
                project == Guid.Empty ? null : project, reader.GetString(4), reader.GetDecimal(5), at,
                accepted == at ? null : accepted);
        }
        return entries;
    }

    private async Task Derived(string tenant, Action<IntegrityBreak> found, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(SqlResource.Load("ledger_derived.sql", schema));
        command.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var table = $"ov_points_{reader.GetString(0)}";
            found(new IntegrityBreak("ledger",
                $"A member's {reader.GetString(3)} points in {table} differ from the sum of their entries.",
                reader.GetGuid(2), Document: table));
        }
    }
}
