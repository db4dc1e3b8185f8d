using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Contributions;

public sealed record ReviewContribution(Guid ContributionId, Guid ReviewerId, string? Verdict, string? Reason);

public static class Reviewing
{
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// One reviewer's verdict. The approval that reaches <paramref name="approvalsRequired"/> (the quorum in
    /// force now) also accepts the contribution; because the endpoint appends on the version it read, two
    /// reviewers racing to be that approval cannot both succeed.
    /// </summary>
    /// <para>
    /// The accepting approval values the claim under <paramref name="equation"/>, the version in force now
    /// (none: no points). A claim the version cannot value (its kind has no rule, or another unit) is not
    /// accepted silently without points: the approval is refused with 409 kind-not-valued until a steward
    /// adopts a version that values it.
    /// </para>
    public static object[] Decide(
        ReviewContribution command, Contribution contribution, int approvalsRequired, ValueEquation? equation,
            Currency currency, Instant now)
    {
        var verdict = Statuses.Parse<Verdict>(command.Verdict, "verdict");
        var reason = verdict == Verdict.Approve
            ? Text.Optional(command.Reason, "reason", MaxReasonLength, multiline: true)
            : Text.Required(command.Reason, "reason", MaxReasonLength, multiline: true);
        if (contribution.MemberId == command.ReviewerId)
            throw RuleViolation.Forbidden("self-review", "A member cannot review their own contribution.");
        if (contribution.Status != ContributionStatus.Submitted)
            throw RuleViolation.Conflict("not-reviewable", contribution.Status == ContributionStatus.ChangesRequested
                ? "Changes were requested; the contribution can be reviewed again once its author amends it."
                : $"A {Statuses.Name(contribution.Status)} contribution cannot be reviewed.");
        if (contribution.ThisRound.Any(r => r.ReviewerId == command.ReviewerId))
            throw RuleViolation.Conflict("already-reviewed",
                "You have already reviewed this contribution in this round.");

        var reviewed = new ContributionReviewed(contribution.Id, command.ReviewerId, verdict, reason,
            contribution.Round, now);
        return verdict switch
        {
            Verdict.Approve when contribution.ApprovalsThisRound + 1 >= approvalsRequired => [reviewed,
                Accepted(contribution, approvalsRequired, equation, currency, now)],
            Verdict.Reject => [reviewed, new ContributionRejected(contribution.Id, reason!, command.ReviewerId, now)],
            _ => [reviewed],
        };
    }

    private static ContributionAccepted Accepted(Contribution contribution, int approvalsRequired,
        ValueEquation? equation, Currency currency, Instant now)
    {
        var c = contribution.Current;
        var valuation = equation is null ? null : Valuing.Value(equation, c.Kind, c.Quantity, c.Unit, currency,
            c.ProjectId);
        return new ContributionAccepted(contribution.Id, contribution.MemberId, c.ProjectId, c.Kind, c.Quantity, c.Unit,
            c.OccurredOn,
            approvalsRequired, valuation?.Points, valuation?.EquationVersion, valuation, now);
    }
}
