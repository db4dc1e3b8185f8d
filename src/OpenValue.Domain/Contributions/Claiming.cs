using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Contributions;

public sealed record SubmitContribution(Guid ContributionId, Guid MemberId, ClaimInput Claim);

public sealed record AmendContribution(Guid ContributionId, Guid MemberId, ClaimInput Claim);

public sealed record WithdrawContribution(Guid ContributionId, Guid MemberId);

/// <summary>What the author may do with their own claim: submit it, amend it, withdraw it.</summary>
public static class Claiming
{
    /// <summary>
    /// A retry of the same submission (same id, same author, same claim) appends nothing, so the endpoint can
    /// answer as it did the first time; the same id with anything else is a conflict.
    /// </summary>
    public static object[] Decide(SubmitContribution command, Contribution? existing, Network network, KindCatalogue catalogue, LocalDate today, Instant now)
    {
        var claim = Claim.Parse(command.Claim, network, catalogue, today);
        if (existing is null)
            return [Contribution.Submission(command.ContributionId, command.MemberId, claim, now)];
        if (existing.MemberId == command.MemberId && existing.Submitted == claim)
            return [];
        throw RuleViolation.Conflict("contribution-exists",
            $"Contribution {command.ContributionId} was already submitted with other details; choose a new id.");
    }

    /// <summary>Amending after changes were requested sends the claim back for a fresh round of review.</summary>
    public static object[] Decide(AmendContribution command, Contribution contribution, Network network, KindCatalogue catalogue, LocalDate today, Instant now)
    {
        MustBeAuthor(contribution, command.MemberId, "amend");
        var underReview = contribution.Status == ContributionStatus.Submitted && contribution.ThisRound.Any();
        if (contribution.IsFinal || underReview)
            throw RuleViolation.Conflict("not-amendable", contribution.IsFinal
                ? $"A {Statuses.Name(contribution.Status)} contribution cannot be amended."
                : "Review has begun; the claim can be amended only if a reviewer requests changes.");
        var c = Claim.Parse(command.Claim, network, catalogue, today);
        return [new ContributionAmended(contribution.Id, c.Kind, c.Quantity, c.Unit, c.OccurredOn, c.Description, c.EvidenceUrl, c.ProjectId, command.MemberId, now)];
    }

    public static object[] Decide(WithdrawContribution command, Contribution contribution, Instant now)
    {
        MustBeAuthor(contribution, command.MemberId, "withdraw");
        if (contribution.IsFinal)
            throw RuleViolation.Conflict("not-withdrawable", $"A {Statuses.Name(contribution.Status)} contribution cannot be withdrawn.");
        return [new ContributionWithdrawn(contribution.Id, command.MemberId, now)];
    }

    private static void MustBeAuthor(Contribution contribution, Guid memberId, string action)
    {
        if (contribution.MemberId != memberId)
            throw RuleViolation.Forbidden("not-author", $"Only the member who submitted a contribution may {action} it.");
    }
}
