using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Contributions;

public sealed record ValueCorrection(decimal? PreviousPoints, decimal Points, int EquationVersion, string Reason,
    Guid CorrectedBy, Instant CorrectedAt);

/// <summary>Who revoked an acceptance, when and why, and the points it counted until then.</summary>
public sealed record RevocationEntry(decimal? Points, string Reason, Guid RevokedBy, Instant RevokedAt);

/// <summary>A member's open or answered request that the stewards revoke an acceptance.</summary>
public sealed record RevocationRequestEntry(string Reason, Guid RequestedBy, Instant RequestedAt);

/// <summary>The points its author's departure took from it, and from when.</summary>
public sealed record ForfeitureEntry(decimal Points, OpenValue.Domain.Networks.LeaverTerms Terms, Instant From,
    Guid ForfeitedBy);

/// <summary>The author's appeal of a rejection, which opened review round <c>Round</c>.</summary>
public sealed record AppealEntry(string Reason, int Round, Instant AppealedAt);

public sealed record ReviewEntry(Guid ReviewerId, Verdict Verdict, string? Reason, int Round, Instant At);

/// <summary>
/// A contribution as members see it, with its reviews. Tenanted by network; updated inline so that a
/// reviewer's queue never offers what was just decided. <see cref="SubmittedSequence"/> (the global event
/// sequence of the submission) orders the queue exactly, even when two claims share an instant.
/// </summary>
public sealed class ContributionView
{
    public Guid Id { get; set; }
    public Guid MemberId { get; set; }
    public string Kind { get; set; } = "";
    public decimal Quantity { get; set; }
    public string Unit { get; set; } = "";
    public LocalDate OccurredOn { get; set; }
    public string Description { get; set; } = "";
    public string? EvidenceUrl { get; set; }
    public Guid? ProjectId { get; set; }
    public ContributionStatus Status { get; set; }
    public int Round { get; set; }
    public Instant SubmittedAt { get; set; }
    public long SubmittedSequence { get; set; }
    public Instant? DecidedAt { get; set; }

    /// <summary>The contribution stream's version after the last fact this view shows.</summary>
    public long Version { get; set; }

    /// <summary>
    /// The points it counts now (after any correction), the version that gave them, and its inputs; null before
    /// valuation.
    /// </summary>
    public decimal? Points { get; set; }
    public int? EquationVersion { get; set; }
    public PointsValuation? Valuation { get; set; }
    public Instant? ValuedAt { get; set; }
    public List<ValueCorrection> Corrections { get; set; } = [];
    public List<ReviewEntry> Reviews { get; set; } = [];
    public List<Guid> ReviewedThisRound { get; set; } = [];

    public RevocationEntry? Revocation { get; set; }
    public List<RevocationRequestEntry> RevocationRequests { get; set; } = [];

    /// <summary>A member asked for the acceptance to be revoked and no steward has revoked it yet.</summary>
    public bool RevocationRequested { get; set; }
    public ForfeitureEntry? Forfeiture { get; set; }
    public bool Forfeited { get; set; }
    public List<AppealEntry> Appeals { get; set; } = [];
}

/// <summary>Mirrors the domain's state machine (see Contribution.Evolve) into the read model.</summary>
public sealed class ContributionViewProjection : SingleStreamProjection<ContributionView, Guid>
{
    public ContributionViewProjection()
    {
        foreach (var type in StreamEvents.Contribution) IncludeType(type);
    }

    /// <summary>Every fact also moves the view to that stream version: the version a reviewer must name.</summary>
    public override ContributionView? Evolve(ContributionView? view, Guid id, IEvent e)
    {
        var next = Fold(view, e);
        if (next is not null)
            next.Version = e.Version;
        return next;
    }

    private static ContributionView? Fold(ContributionView? view, IEvent e)
    {
        switch (view, e.Data)
        {
            case (null, ContributionSubmitted s):
                return new ContributionView
                {
                    Id = s.ContributionId, MemberId = s.MemberId, Kind = s.Kind, Quantity = s.Quantity, Unit = s.Unit,
                    OccurredOn = s.OccurredOn, Description = s.Description, EvidenceUrl = s.EvidenceUrl,
                        ProjectId = s.ProjectId,
                    Status = ContributionStatus.Submitted, Round = 1, SubmittedAt = s.SubmittedAt,
                        SubmittedSequence = e.Sequence,
                };
            case (not null, ContributionAmended a):
                (view.Kind, view.Quantity, view.Unit, view.OccurredOn) = (a.Kind, a.Quantity, a.Unit, a.OccurredOn);
                (view.Description, view.EvidenceUrl, view.ProjectId) = (a.Description, a.EvidenceUrl, a.ProjectId);
                if (view.Status == ContributionStatus.ChangesRequested)
                    (view.Round, view.ReviewedThisRound) = (view.Round + 1, []);
                view.Status = ContributionStatus.Submitted;
                return view;
            case (not null, ContributionReviewed r):
                view.Reviews.Add(new ReviewEntry(r.ReviewerId, r.Verdict, r.Reason, r.Round, r.ReviewedAt));
                view.ReviewedThisRound.Add(r.ReviewerId);
                if (r.Verdict == Verdict.RequestChanges)
                    view.Status = ContributionStatus.ChangesRequested;
                return view;
            case (not null, ContributionAccepted a):
                (view.Status, view.DecidedAt) = (ContributionStatus.Accepted, a.AcceptedAt);
                (view.Points, view.EquationVersion, view.Valuation) = (a.Points, a.EquationVersion, a.Valuation);
                view.ValuedAt = a.Points is null ? null : a.AcceptedAt;
                return view;
            case (not null, ContributionValueCorrected c):
                (view.Points, view.EquationVersion, view.Valuation, view.ValuedAt) = (c.Points, c.EquationVersion,
                    c.Valuation, c.CorrectedAt);
                view.Corrections.Add(new ValueCorrection(c.PreviousPoints, c.Points, c.EquationVersion, c.Reason,
                    c.CorrectedBy, c.CorrectedAt));
                return view;
            case (not null, ContributionRejected r):
                (view.Status, view.DecidedAt) = (ContributionStatus.Rejected, r.RejectedAt);
                return view;
            case (not null, ContributionWithdrawn w):
                (view.Status, view.DecidedAt) = (ContributionStatus.Withdrawn, w.WithdrawnAt);
                return view;
            case (not null, _):
                return FoldCorrection(view, e.Data);
            default:
                return view;
        }
    }

    /// <summary>The compensating facts: revocation, appeals, forfeiture. The decision that was made stays
    /// shown.</summary>
    private static ContributionView FoldCorrection(ContributionView view, object data)
    {
        switch (data)
        {
            case ContributionAcceptanceRevoked r:
                (view.Status, view.Points) = (ContributionStatus.Revoked, 0m);
                view.Revocation = new RevocationEntry(r.Points, r.Reason, r.RevokedBy, r.RevokedAt);
                view.RevocationRequested = false;
                break;
            case ContributionRevocationRequested q:
                view.RevocationRequests.Add(new RevocationRequestEntry(q.Reason, q.RequestedBy, q.RequestedAt));
                view.RevocationRequested = true;
                break;
            case ContributionAppealed a:
                view.Appeals.Add(new AppealEntry(a.Reason, a.Round, a.AppealedAt));
                (view.Status, view.Round, view.DecidedAt, view.ReviewedThisRound) =
                    (ContributionStatus.Submitted, a.Round, null, []);
                break;
            case ContributionForfeited f:
                (view.Points, view.Forfeited) = (0m, true);
                view.Forfeiture = new ForfeitureEntry(f.Points, f.Terms, f.From, f.ForfeitedBy);
                break;
        }
        return view;
    }
}
