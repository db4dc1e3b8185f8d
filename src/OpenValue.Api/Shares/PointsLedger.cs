using System.Runtime.InteropServices;
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
    /// network or one project (<c>ov_points_as_of</c>: the running totals less the entries after asOf when asOf
    /// is in the latest week, else a weekly checkpoint plus at most six days plus asOf's own day). One round
    /// trip; amounts arrive as binary numerics. Ordered by member (<see cref="Domain.Money.MemberIdOrder"/>), then
    /// kind (ordinal); members whose points net to 0 are left out.
    /// </summary>
    public static async Task<IReadOnlyList<MemberKindPoints>> TotalsAsOf(
        IDocumentStore store, string tenantId, Guid? projectId, Instant asOf, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand("select member_id, kind, points from openvalue.ov_points_as_of($1, $2, $3)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = projectId ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });

        var totals = new Dictionary<(Guid Member, string Kind), decimal>();
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
                CollectionsMarshal.GetValueRefOrAddDefault(totals, (reader.GetGuid(0), reader.GetString(1)), out _) += reader.GetDecimal(2);

        var result = new List<MemberKindPoints>(totals.Count);
        foreach (var ((member, kind), points) in totals)
            if (points != 0)
                result.Add(new MemberKindPoints(member, kind, points));
        result.Sort(ByMemberThenKind);
        return result;
    }

    private static int ByMemberThenKind(MemberKindPoints x, MemberKindPoints y)
    {
        var byMember = Domain.Money.MemberIdOrder.Instance.Compare(x.MemberId, y.MemberId);
        return byMember != 0 ? byMember : string.CompareOrdinal(x.Kind, y.Kind);
    }
}
