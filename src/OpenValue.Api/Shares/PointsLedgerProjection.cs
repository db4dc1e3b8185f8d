using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Shares;

/// <summary>
/// Feeds the as-of points ledger: an acceptance with points grants them from its instant; a value
/// correction adds the difference from its own instant; a revocation or forfeiture subtracts what it
/// counted. Inline, so shares read right after the review.
/// The event's global sequence makes each entry idempotent, and a rebuild empties the ledger's tables
/// first, so replaying every event gives exactly the live ledger.
/// </summary>
public sealed partial class PointsLedgerProjection : EventProjection
{
    /// <param name="schema">The store's schema, where the ledger's tables are.</param>
    public PointsLedgerProjection(string schema)
    {
        foreach (var table in PointsLedgerSchema.Tables(schema))
            Options.DeleteDataInTableOnTeardown(table);
    }

    public void Project(IEvent<ContributionAccepted> e, IDocumentOperations operations) => Record(e, operations);

    public void Project(IEvent<ContributionValueCorrected> e, IDocumentOperations operations) => Record(e, operations);

    public void Project(IEvent<ContributionAcceptanceRevoked> e, IDocumentOperations operations) =>
        Record(e, operations);

    public void Project(IEvent<ContributionForfeited> e, IDocumentOperations operations) => Record(e, operations);

    private static void Record(IEvent e, IDocumentOperations operations)
    {
        if (EntryOf(e) is { } entry)
            PointsLedger.Record(operations, e.TenantId, entry);
    }

    /// <summary>The ledger entry an event makes, if any: also what verify recomputes the ledger from.</summary>
    public static PointsEntry? EntryOf(IEvent e) => e.Data switch
    {
        ContributionAccepted { Points: { } points } a =>
            new PointsEntry(e.Sequence, a.ContributionId, a.MemberId, a.ProjectId, a.Kind, points, a.AcceptedAt),
        ContributionValueCorrected c => new PointsEntry(
            e.Sequence, c.ContributionId, c.MemberId, c.ProjectId, c.Kind, c.Points - (c.PreviousPoints ?? 0m),
                c.CorrectedAt, c.AcceptedAt),
        // A revocation and a forfeiture take away what the contribution counted, from their own instant on, decaying
        // from the same acceptance instant so that its decayed points cancel exactly too.
        ContributionAcceptanceRevoked { Points: { } points } r when points != 0m => new PointsEntry(
            e.Sequence, r.ContributionId, r.MemberId, r.ProjectId, r.Kind, -points, r.RevokedAt, r.AcceptedAt),
        ContributionForfeited f when f.Points != 0m => new PointsEntry(
            e.Sequence, f.ContributionId, f.MemberId, f.ProjectId, f.Kind, -f.Points, f.From, f.AcceptedAt),
        _ => null,
    };
}
