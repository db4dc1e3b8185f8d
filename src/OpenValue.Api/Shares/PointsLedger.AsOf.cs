using Marten;
using NodaTime;
using Npgsql;

namespace OpenValue.Api.Shares;

public static partial class PointsLedger
{
    // The points as of a moment, in two statements of one batch (the files say how): $1 tenant, $2 scope,
    // $3 the moment, $4 its UTC day, $5 that day's start.
    private const string CheckpointAsOf = "ledger_checkpoint_as_of.sql";
    private const string RowsAsOf = "ledger_rows_as_of.sql";

    private const string VersionAndNext = "ledger_state_as_of.sql";

    /// <summary>A statement of <c>Sql/</c> in the store's schema.</summary>
    private static string Sql(IDocumentStore store, string file) =>
        LedgerSql.Statement(file, store.Options.DatabaseSchemaName);

    /// <summary>
    /// Each member's points by kind counting only entries at or before <paramref name="asOf"/>, for the whole
    /// network or one project: the running totals less the entries after asOf when asOf is in the latest week,
    /// else a weekly checkpoint plus its late entries, at most six days and asOf's own day. One round trip;
    /// amounts arrive as binary numerics.
    /// </summary>
    public static async Task<PointsTally> TallyAsOf(
        IDocumentStore store, string tenantId, Guid? projectId, Instant asOf, CancellationToken cancellation)
    {
        var day = asOf.InUtc().Date;
        object[] values = [tenantId, projectId ?? Guid.Empty, asOf, day, day.AtStartOfDayInZone(DateTimeZone.Utc)
            .ToInstant()];
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = {
            Command(Sql(store, CheckpointAsOf), values), Command(Sql(store, RowsAsOf), values) } };

        var tally = new PointsTally();
        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        if (await reader.ReadAsync(cancellation))
        {
            var (members, kinds, points) = (reader.GetFieldValue<Guid[]>(0), reader.GetFieldValue<string[]>(1),
                reader.GetFieldValue<decimal[]>(2));
            for (var i = 0; i < members.Length; i++)
                tally.Add(members[i], kinds[i], points[i]);
        }
        await reader.NextResultAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            tally.Add(reader.GetGuid(0), reader.GetString(1), reader.GetDecimal(2));
        return tally;
    }

    /// <summary>
    /// What a kept snapshot as of <paramref name="asOf"/> depends on: the scope's version (0 before any entry)
    /// and the first instant after asOf at which an entry counts (null: none), so the same points hold for any
    /// moment in [asOf, that instant) while the version stands. One statement, so both come from one state.
    /// </summary>
    public static async Task<(long Version, Instant? NextAt)> StateAsOf(
        IDocumentStore store, string tenantId, Guid? projectId, Instant asOf, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(Sql(store, VersionAndNext), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = projectId ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<Instant>(1));
    }

    private static NpgsqlBatchCommand Command(string sql, object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
