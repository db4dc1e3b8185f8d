using Marten;
using NodaTime;
using Npgsql;

namespace OpenValue.Api.Shares;

public static partial class PointsLedger
{
    // In the scope's latest checkpoint week or later ("recent"): the running totals less the entries after the
    // moment (at most a week of them, since every entry opened the checkpoints up to its own week). Before:
    // the last checkpoint at or before the moment's UTC day (its arrays, in the first statement), the late
    // entries it lacks, the days since, and that day's entries up to the moment. The unused branch is cut by
    // one-time filters. $1 tenant, $2 scope, $3 the moment, $4 its UTC day, $5 that day's start.
    private const string CheckpointAsOf = """
        select p.member_ids, p.kinds, p.points from openvalue.ov_points_checkpoints p
         where p.tenant_id = $1 and p.scope = $2
           and p.week_start = (select max(week_start) from openvalue.ov_points_checkpoints where tenant_id = $1 and scope = $2 and week_start <= $4)
           and (select max(week_start) from openvalue.ov_points_checkpoints where tenant_id = $1 and scope = $2) > $4
        """;

    private const string RowsAsOf = """
        with recent as (select coalesce(max(week_start) <= $4, true) as yes from openvalue.ov_points_checkpoints where tenant_id = $1 and scope = $2),
             base as (select max(week_start) as week from openvalue.ov_points_checkpoints where tenant_id = $1 and scope = $2 and week_start <= $4)
        select t.member_id, t.kind, t.points from openvalue.ov_points_totals t
         where t.tenant_id = $1 and t.scope = $2 and (select yes from recent)
        union all
        select e.member_id, e.kind, -e.points from openvalue.ov_points_entries e
         where e.tenant_id = $1 and e.at > $3 and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or e.project_id = $2)
           and (select yes from recent)
        union all
        select l.member_id, l.kind, l.points from openvalue.ov_points_late l
         where l.tenant_id = $1 and l.scope = $2 and l.through >= (select week from base) and l.day < (select week from base)
           and not (select yes from recent)
        union all
        select d.member_id, d.kind, d.points from openvalue.ov_points_days d
         where d.tenant_id = $1 and d.scope = $2 and d.day >= coalesce((select week from base), '-infinity'::date) and d.day < $4
           and not (select yes from recent)
        union all
        select e.member_id, e.kind, e.points from openvalue.ov_points_entries e
         where e.tenant_id = $1 and e.at >= $5 and e.at <= $3 and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or e.project_id = $2)
           and not (select yes from recent)
        """;

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
        object[] values = [tenantId, projectId ?? Guid.Empty, asOf, day, day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()];
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Command(CheckpointAsOf, values), Command(RowsAsOf, values) } };

        var tally = new PointsTally();
        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        if (await reader.ReadAsync(cancellation))
        {
            var (members, kinds, points) = (reader.GetFieldValue<Guid[]>(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<decimal[]>(2));
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
        await using var command = new NpgsqlCommand("""
            select coalesce((select version from openvalue.ov_points_versions where tenant_id = $1 and scope = $2), 0),
                   (select min(at) from openvalue.ov_points_entries
                     where tenant_id = $1 and at > $3 and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or project_id = $2))
            """, connection);
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
