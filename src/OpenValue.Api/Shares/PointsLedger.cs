using Marten;
using NodaTime;

namespace OpenValue.Api.Shares;

/// <summary>
/// One grant or correction of value points: what a projection hands to the ledger. <c>At</c> is when it
/// counts from (as-of queries); <c>AcceptedAt</c>, when the contribution was accepted, is what its points
/// decay from (null: <c>At</c>).
/// </summary>
public sealed record PointsEntry(
    long Seq, Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, decimal Points, Instant At,
    Instant? AcceptedAt = null);

/// <summary>Writes to and reads from the as-of points ledger (see <see cref="PointsLedgerSchema"/>).</summary>
public static partial class PointsLedger
{
    /// <summary>Queues the entry in the projection's unit of work; it commits with the projection's progress.</summary>
    public static void Record(IDocumentOperations operations, string tenantId, PointsEntry entry) =>
        operations.QueueSqlCommand(Sql(operations.DocumentStore, "ledger_record.sql"),
            tenantId, entry.Seq, entry.ContributionId, entry.MemberId, entry.ProjectId ?? Guid.Empty, entry.Kind,
            entry.Points,
            // Marten types unknown CLR types (Instant) as text.
            entry.At.ToDateTimeOffset(), (entry.AcceptedAt ?? entry.At).ToDateTimeOffset());
}
