using NodaTime;

namespace OpenValue.Domain.Contributions;

/// <summary>A steward revokes an acceptance found to be wrong.</summary>
public sealed record RevokeAcceptance(Guid ContributionId, string? Reason, Guid RevokedBy);

/// <summary>A member appeals a decision: the author a rejection, any member an acceptance.</summary>
public sealed record AppealDecision(Guid ContributionId, string? Reason, Guid AppealedBy);

/// <summary>
/// Corrections of a decided contribution, each a compensating event with who, when and why; nothing decided is
/// edited. A revocation removes the points from its instant on; an appeal of a rejection starts a new round of
/// review; an appeal of an acceptance is a request to the stewards to revoke it.
/// </summary>
public static class Correcting
{
    public static object[] Decide(RevokeAcceptance command, Contribution contribution, Instant now)
    {
        var reason = Text.Required(command.Reason, "reason", Reviewing.MaxReasonLength, multiline: true);
        if (contribution.Status == ContributionStatus.Revoked)
            throw RuleViolation.Conflict("already-revoked", "This contribution's acceptance was already revoked.");
        if (contribution.Status != ContributionStatus.Accepted)
            throw RuleViolation.Conflict("not-accepted",
                $"Only an accepted contribution can have its acceptance revoked; this one is " +
                $"{Statuses.Name(contribution.Status)}.");
        var c = contribution.Current;
        return
        [
            new ContributionAcceptanceRevoked(contribution.Id, contribution.MemberId, c.ProjectId, c.Kind,
                contribution.AcceptedAt!.Value, contribution.Points, reason, command.RevokedBy, now),
        ];
    }

    /// <summary>
    /// The author appeals a rejection: the claim is submitted again, unchanged, for round N + 1, in which every
    /// reviewer (those of the earlier round too) may review it. Any member appeals an acceptance: a revocation
    /// request the stewards see on the contribution; one open request per member.
    /// </summary>
    public static object[] Decide(AppealDecision command, Contribution contribution, Instant now)
    {
        var reason = Text.Required(command.Reason, "reason", Reviewing.MaxReasonLength, multiline: true);
        switch (contribution.Status)
        {
            case ContributionStatus.Rejected when contribution.MemberId != command.AppealedBy:
                throw RuleViolation.Forbidden("not-author", "Only the member who submitted a contribution may " +
                    "appeal its rejection.");
            case ContributionStatus.Rejected:
                return [new ContributionAppealed(contribution.Id, reason, contribution.Round + 1, command.AppealedBy,
                    now)];
            case ContributionStatus.Accepted when contribution.RevocationRequestedBy.Contains(command.AppealedBy):
                throw RuleViolation.Conflict("revocation-already-requested",
                    "You have already asked for this acceptance to be revoked; a steward will decide.");
            case ContributionStatus.Accepted:
                return [new ContributionRevocationRequested(contribution.Id, reason, command.AppealedBy, now)];
            default:
                throw RuleViolation.Conflict("not-appealable",
                    $"Only a rejected (or accepted) contribution can be appealed; this one is " +
                    $"{Statuses.Name(contribution.Status)}.");
        }
    }
}
