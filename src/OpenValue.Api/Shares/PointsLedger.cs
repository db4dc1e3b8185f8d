using Marten;
using NodaTime;
using Npgsql;

namespace OpenValue.Api.Shares;

/// <summary>
/// One grant or correction of value points: what a projection hands to the ledger. <c>At</c> is when it
/// counts from (as-of queries); <c>AcceptedAt</c>, when the contribution was accepted, is what its points
/// decay from (null: <c>At</c>).
/// </summary>
public sealed record PointsEntry(long Seq, Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, decimal Points, Instant At, Instant? AcceptedAt = null);

/// <summary>A member's points of one kind in a scope, as of a moment.</summary>
public sealed record MemberKindPoints(Guid MemberId, string Kind, decimal Points);

/// <summary>Writes to and reads from the as-of points ledger (see <see cref="PointsLedgerSchema"/>).</summary>
public static partial class PointsLedger
{
    /// <summary>Queues the entry in the projection's unit of work; it commits with the projection's progress.</summary>
    public static void Record(IDocumentOperations operations, string tenantId, PointsEntry entry) =>
        operations.QueueSqlCommand("select openvalue.ov_points_record(?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tenantId, entry.Seq, entry.ContributionId, entry.MemberId, entry.ProjectId ?? Guid.Empty, entry.Kind, entry.Points,
            entry.At.ToDateTimeOffset(), (entry.AcceptedAt ?? entry.At).ToDateTimeOffset()); // Marten types unknown CLR types (Instant) as text

    /// <summary>
    /// Each member's points by kind counting only entries at or before <paramref name="asOf"/>, for the whole
    /// network or one project: the last weekly checkpoint at or before asOf's UTC day, plus the days since,
    /// plus asOf's own day up to the instant. One round trip.
    /// </summary>
    public static async Task<IReadOnlyList<MemberKindPoints>> TotalsAsOf(
        IDocumentStore store, string tenantId, Guid? projectId, Instant asOf, CancellationToken cancellation)
    {
        var scope = projectId ?? Guid.Empty;
        var day = asOf.InUtc().Date;
        var dayStart = day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command("""
            select key, value from openvalue.ov_points_weeks w, jsonb_each_text(w.totals)
             where w.tenant_id = $1 and w.scope = $2
               and w.week_start = (select max(week_start) from openvalue.ov_points_weeks
                                    where tenant_id = $1 and scope = $2 and week_start <= $3)
            """, tenantId, scope, day));
        batch.BatchCommands.Add(Command("""
            select member_id::text || '|' || kind, sum(points)::text from openvalue.ov_points_days
             where tenant_id = $1 and scope = $2 and day < $3
               and day >= coalesce((select max(week_start) from openvalue.ov_points_weeks
                                     where tenant_id = $1 and scope = $2 and week_start <= $3), '-infinity'::date)
             group by 1
            """, tenantId, scope, day));
        batch.BatchCommands.Add(Command("""
            select member_id::text || '|' || kind, sum(points)::text from openvalue.ov_points_entries
             where tenant_id = $1 and at >= $3 and at <= $4
               and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or project_id = $2)
             group by 1
            """, tenantId, scope, dayStart, asOf));

        var totals = new Dictionary<string, decimal>();
        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        do
        {
            while (await reader.ReadAsync(cancellation))
            {
                var key = reader.GetString(0);
                totals[key] = totals.GetValueOrDefault(key) + decimal.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        } while (await reader.NextResultAsync(cancellation));

        return [.. totals.Select(t => Split(t.Key, t.Value)).Where(p => p.Points != 0).OrderBy(p => p.MemberId).ThenBy(p => p.Kind, StringComparer.Ordinal)];
    }

    private static MemberKindPoints Split(string key, decimal points)
    {
        var bar = key.IndexOf('|');
        return new MemberKindPoints(Guid.Parse(key[..bar]), key[(bar + 1)..], points);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
