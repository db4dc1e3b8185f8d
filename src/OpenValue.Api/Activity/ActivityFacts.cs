using NodaTime;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Activity;

/// <summary>The things a fact is about; each is null when the fact is not about one.</summary>
public sealed record ActivitySubjects(
    Guid? MemberId = null, Guid? ContributionId = null, Guid? ProjectId = null, Guid? DistributionId = null,
        Guid? PayoutId = null,
    Guid? IncomeId = null);

/// <summary>
/// What one event says in the feed: when (the event's own instant), who did it (null when no member acted,
/// as for an acceptance, which follows from a review), what it is about, a sentence, and which role alone
/// may read it (null: every member).
/// </summary>
public sealed record ActivityFact(Instant At, Guid? ActorId, ActivitySubjects Subjects, string Summary,
    Role? Audience = null);

/// <summary>
/// Turns the network's facts into feed entries, from the event alone (no clock, no lookups), so a rebuild
/// writes exactly what the live daemon wrote. Echoes kept for bookkeeping are left out: a pool's
/// reservation, release, returned and redrawn payouts repeat a distribution's own facts, and each contribution's
/// value correction is summarised by the one revaluation that made it.
/// </summary>
public static class ActivityFacts
{
    public static readonly Type[] Types =
    [
        typeof(NetworkFounded), typeof(MemberAdmitted), typeof(MemberRoleGranted), typeof(MemberRoleRevoked),
            typeof(MemberTokenReissued), typeof(MemberInvitationIssued),
        typeof(MemberRenamed), typeof(MemberClassChanged),
        typeof(ProjectOpened), typeof(ReviewPolicySet), typeof(TreasuryPolicySet), typeof(ValueEquationAdopted),
            typeof(ContributionsRevalued),
        typeof(ContributionSubmitted), typeof(ContributionAmended), typeof(ContributionWithdrawn),
            typeof(ContributionReviewed),
        typeof(ContributionAccepted), typeof(ContributionRejected), typeof(IncomeRecorded),
            typeof(DistributionProposed),
        typeof(DistributionApproved), typeof(DistributionCancelled), typeof(PayoutsIssued), typeof(PayoutReversed),
        typeof(IncomeReversed), typeof(PayoutReissued),
        typeof(ContributionAcceptanceRevoked), typeof(ContributionAppealed), typeof(ContributionRevocationRequested),
        typeof(ContributionForfeited), typeof(MemberDeparted),
        typeof(MemberPayoutDetailsSet), typeof(MemberErased),
        typeof(GovernancePolicySet), typeof(ProposalMade), typeof(PositionStated), typeof(ProposalPassed),
        typeof(ProposalFailed), typeof(ProposalWithdrawn),
        typeof(RoundOpened), typeof(BucketProposed), typeof(BucketApproved), typeof(BucketCancelled),
            typeof(BucketFunded),
        typeof(RoundClosed),
        typeof(MemberAccessRecovered),
    ];

    public static ActivityFact? Describe(object data) => data switch
    {
        NetworkFounded e => new(e.FoundedAt, e.FoundedBy, new(),
            $"Founded the network “{e.Name}” with {e.Currency} as its currency."),
        MemberAdmitted e => new(e.AdmittedAt, e.AdmittedBy, new(MemberId: e.MemberId),
            $"Admitted {Named(e.Name)} as {Words(e.Roles.Select(Wire.Name))} ({Wire.Name(e.StakeholderClass)})."),
        MemberRoleGranted e => new(e.GrantedAt, e.GrantedBy, new(MemberId: e.MemberId),
            $"Granted the {Wire.Name(e.Role)} role."),
        MemberRoleRevoked e => new(e.RevokedAt, e.RevokedBy, new(MemberId: e.MemberId),
            $"Revoked the {Wire.Name(e.Role)} role."),
        // A steward who gives someone else a new token could keep it and act as them, so every member sees it;
        // a member resetting their own token is shown to stewards only.
        MemberTokenReissued e => new(e.ReissuedAt, e.ReissuedBy, new(MemberId: e.MemberId),
            "Reissued the member's access token; every earlier token of theirs stopped working.",
            e.ReissuedBy == e.MemberId ? Role.Steward : null),
        MemberInvitationIssued e => new(e.IssuedAt, e.IssuedBy, new(MemberId: e.MemberId),
            "Issued the member a fresh invitation link; their earlier links stopped working.",
            e.IssuedBy == e.MemberId ? Role.Steward : null),
        MemberRenamed e => new(e.RenamedAt, e.RenamedBy, new(MemberId: e.MemberId),
            $"Renamed the member to {Named(e.Name)}."),
        MemberClassChanged e => new(e.ChangedAt, e.ChangedBy, new(MemberId: e.MemberId),
            $"Moved the member to the {Wire.Name(e.StakeholderClass)} class " +
            $"from {Domain.Dates.Format(e.EffectiveOn)}."),
        ProjectOpened e => new(e.OpenedAt, e.OpenedBy, new(ProjectId: e.ProjectId), $"Opened the project “{e.Name}”."),
        ReviewPolicySet e => new(e.SetAt, e.SetBy, new(),
            $"Set the review policy: {e.ApprovalsRequired} approval{(e.ApprovalsRequired == 1 ? "" : "s")} accept a claim."),
        TreasuryPolicySet e => new(e.SetAt, e.SetBy, new(),
            $"Set the treasury policy: a second approval {FourEyesWords(e.FourEyes)}" +
            (e.CoolingOffHours is { } hours ? $", cooling-off {Count(hours, "hour")}." : ".")),
        ValueEquationAdopted e => new(e.AdoptedAt, e.AdoptedBy, new(),
            $"Adopted value equation version {e.Version} ({Count(e.Rules.Count, "kind rule")}" +
            (e.HalfLifeDays is { } days ? $", half-life {days} days" : "") + ")."),
        ContributionsRevalued e => new(e.RevaluedAt, e.RevaluedBy, new(),
            $"Re-valued {Count(e.CorrectedCount, "accepted contribution")} under version {e.EquationVersion}: {Short(e.Reason)}"),
        ContributionSubmitted e => new(e.SubmittedAt, e.MemberId, new(e.MemberId, e.ContributionId, e.ProjectId),
            $"Claimed {Claim(e.Quantity, e.Unit, e.Kind)}: {Written(e.Description)}"),
        ContributionAmended e => new(e.AmendedAt, e.AmendedBy, new(e.AmendedBy, e.ContributionId, e.ProjectId),
            $"Amended the claim to {Claim(e.Quantity, e.Unit, e.Kind)}: {Written(e.Description)}"),
        ContributionWithdrawn e => new(e.WithdrawnAt, e.WithdrawnBy, new(e.WithdrawnBy, e.ContributionId),
            "Withdrew the claim."),
        ContributionReviewed e => new(e.ReviewedAt, e.ReviewerId, new(ContributionId: e.ContributionId),
            $"Reviewed the claim: {Statuses.Name(e.Verdict)}"
                + (e.Reason is { Length: > 0 } reason ? $", “{Written(reason)}”" : ".")),
        ContributionAccepted e => new(e.AcceptedAt, null, new(e.MemberId, e.ContributionId, e.ProjectId),
            $"The claim of {Claim(e.Quantity, e.Unit, e.Kind)} was accepted" +
            (e.Points is { } points ? $" for {DecimalText.Format(points)} points (value equation version {e.EquationVersion})." : ", without points (no value equation yet).")),
        ContributionRejected e => new(e.RejectedAt, e.RejectedBy, new(ContributionId: e.ContributionId),
            $"Rejected the claim: {Written(e.Reason)}"),
        // Single income records, with their source and note, are shown to treasurers only; members see the totals in
        // the ledger.
        IncomeRecorded e => new(e.RecordedAt, e.RecordedBy, new(ProjectId: e.ProjectId, IncomeId: e.IncomeId),
            $"Recorded income of {Amount(e.AmountMinor, e.Currency)} ({Statuses.Name(e.Source)}).", Role.Treasurer),
        IncomeReversed e => new(e.ReversedAt, e.ReversedBy, new(ProjectId: e.ProjectId, IncomeId: e.IncomeId),
            $"Reversed income of {Amount(e.AmountMinor, e.Currency)}: {Short(e.Reason)}", Role.Treasurer),
        DistributionProposed e => new(e.ProposedAt, e.ProposedBy, new(ProjectId: e.ProjectId,
            DistributionId: e.DistributionId),
            $"Proposed a {DistributionPolicies.Name(e.Policy)} distribution of {Amount(e.AmountMinor, e.Currency)} over {Count(e.Lines.Count, "line")}."),
        DistributionApproved e => new(e.ApprovedAt, e.ApprovedBy, new(DistributionId: e.DistributionId),
            "Approved the distribution."),
        DistributionCancelled e => new(e.CancelledAt, e.CancelledBy, new(DistributionId: e.DistributionId),
            "Cancelled the distribution" + (e.Reason is { Length: > 0 } reason ? $": {Short(reason)}" : ".")),
        PayoutsIssued e => new(e.IssuedAt, e.IssuedBy, new(DistributionId: e.DistributionId),
            $"Issued {Count(e.Payouts.Count, "payout")}."),
        PayoutReversed e => new(e.ReversedAt, e.ReversedBy, new(e.MemberId, DistributionId: e.DistributionId,
            PayoutId: e.PayoutId),
            $"Reversed a payout: {Short(e.Reason)}"),
        PayoutReissued e => new(e.IssuedAt, e.IssuedBy,
            new(e.MemberId, DistributionId: e.DistributionId, PayoutId: e.PayoutId),
            $"Reissued a reversed payout as {e.Reference}."),
        ContributionAcceptanceRevoked e => new(e.RevokedAt, e.RevokedBy, new(e.MemberId, e.ContributionId, e.ProjectId),
            $"Revoked the acceptance of the member's {e.Kind} claim" +
            (e.Points is { } lost ? $" ({DecimalText.Format(lost)} points)" : "") + $": {Written(e.Reason)}"),
        ContributionAppealed e => new(e.AppealedAt, e.AppealedBy, new(e.AppealedBy, e.ContributionId),
            $"Appealed the rejection of their claim (review round {e.Round}): {Written(e.Reason)}"),
        ContributionRevocationRequested e => new(e.RequestedAt, e.RequestedBy, new(ContributionId: e.ContributionId),
            $"Asked the stewards to revoke the acceptance of the claim: {Written(e.Reason)}"),
        ContributionForfeited e => new(e.ForfeitedAt, e.ForfeitedBy, new(e.MemberId, e.ContributionId, e.ProjectId),
            $"The member's {e.Kind} claim ({DecimalText.Format(e.Points)} points) was forfeited from " +
            $"{Domain.Dates.Format(e.From.InUtc().Date)} as a {Statuses.Name(e.Terms)}."),
        MemberDeparted e => new(e.DepartedAt, e.DepartedBy, new(MemberId: e.MemberId),
            $"The member left the network on {Domain.Dates.Format(e.On)} as a {Statuses.Name(e.Terms)}, keeping " +
            (e.KeptKinds is null ? "every kind's points" : e.KeptKinds.Count == 0 ? "no points"
                : $"the points of {Words(e.KeptKinds)}") + $": {Written(e.Reason)}"),
        // Only that the details changed, and only to treasurers, who pay by them: never the details.
        MemberPayoutDetailsSet e => new(e.SetAt, e.SetBy, new(MemberId: e.MemberId),
            "Changed the member's payout details.", Role.Treasurer),
        MemberErased e => new(e.ErasedAt, e.ErasedBy, new(MemberId: e.MemberId),
            "Erased the member's personal data: their name, the text they wrote and their payout details."),
        _ => DescribeGovernance(data),
    };

    private static ActivityFact? DescribeGovernance(object data) => data switch
    {
        GovernancePolicySet e => new(e.SetAt, e.SetBy, new(),
            $"Set the governance policy: value equations by {Statuses.Name(TypeOf(e, ProposalKind.ValueEquation))} " +
            $"decision; stewards {(e.StewardsAdoptDirectly ? "may" : "may not")} adopt changes directly" +
            (e.ProposalId is null ? "." : ", as a proposal decided.")),
        ProposalMade e => new(e.ProposedAt, e.ProposedBy, new(),
            $"Proposed “{Short(e.Title).TrimEnd('.')}”, a {Statuses.Name(e.Kind)} change by " +
            $"{Statuses.Name(e.DecisionType)} decision, open until {e.ClosesAt.InUtc().Date:yyyy-MM-dd} " +
            $"({Count(e.EligibleVoters.Count, "eligible voter")})."),
        PositionStated e => new(e.StatedAt, e.MemberId, new(MemberId: e.MemberId),
            $"Stated the position {Statuses.Name(e.Position)} on a proposal" +
            (e.Reason is { Length: > 0 } reason ? $": “{Short(reason)}”" : ".")),
        ProposalPassed e => new(e.ClosedAt, null, new(), $"A proposal passed{(e.Early ? " early" : "")}: {e.Why}"),
        ProposalFailed e => new(e.ClosedAt, null, new(), $"A proposal failed{(e.Early ? " early" : "")}: {e.Why}"),
        ProposalWithdrawn e => new(e.WithdrawnAt, e.WithdrawnBy, new(),
            "Withdrew a proposal" + (e.Reason is { Length: > 0 } reason ? $": {Short(reason)}" : ".")),
        RoundOpened e => new(e.OpenedAt, e.OpenedBy, new(ProjectId: e.ProjectId),
            $"Opened the co-budgeting round “{e.Title}” of {Amount(e.AmountMinor, e.Currency)}: " +
            $"{(e.Budget == BudgetRule.Equal ? "equal" : "by-share")} budgets for {Count(e.Budgets.Count, "member")}."),
        BucketProposed e => new(e.ProposedAt, e.ProposedBy, new(e.ProposedBy),
            $"Proposed the bucket “{e.Title}” ({Amount(e.MinGoalMinor, e.Currency)} to " +
            $"{Amount(e.MaxGoalMinor, e.Currency)})."),
        BucketApproved e => new(e.ApprovedAt, e.ApprovedBy, new(), "Approved a bucket for funding."),
        BucketCancelled e => new(e.CancelledAt, e.CancelledBy, new(),
            "Cancelled a bucket; its funders have their budget back"
                + (e.Reason is { Length: > 0 } r ? $": {Short(r)}" : ".")),
        BucketFunded e => new(e.FundedAt, e.FundedBy, new(e.FundedBy),
            e.AmountMinor > 0 ? $"Moved {Amount(e.AmountMinor, e.Currency)} of their budget into a bucket."
                : $"Took {Amount(-e.AmountMinor, e.Currency)} of their budget back out of a bucket."),
        RoundClosed e => new(e.ClosedAt, e.ClosedBy, new(),
            $"Closed a co-budgeting round{(e.ClosedBy is null ? " at the end of its window" : "")}: " +
            $"{Count(e.Payouts.Count, "bucket")} funded, {Amount(e.PaidMinor, e.Currency)} paid, " +
            $"{Amount(e.ReturnedMinor, e.Currency)} returned to the pool."),
        // Shown to every member: whoever opens the link takes over a steward's membership.
        MemberAccessRecovered e => new(e.RecoveredAt, null, new(MemberId: e.MemberId),
            "The server's operator issued the steward a recovery invitation link; their earlier links stopped " +
            $"working: {Short(e.Reason)}"),
        _ => null,
    };

    private static DecisionType TypeOf(GovernancePolicySet e, ProposalKind kind) =>
        e.DecisionTypes.FirstOrDefault(d => d.Kind == kind)?.DecisionType ?? GovernancePolicy.Default.Required(kind);

    /// <summary>Free text cut to one line of at most 120 characters, ending in a full stop or an ellipsis.</summary>
    public static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length > 120)
            return line[..119].TrimEnd() + "…";
        return line.EndsWith('.') || line.EndsWith('!') || line.EndsWith('?') ? line : line + ".";
    }

    /// <summary>
    /// A name in a sentence: a sealed one as its token, opened when the feed is read (so the entry, like the
    /// event, holds only the sealed name, and an erasure reaches it without rewriting it).
    /// </summary>
    private static string Named(string name) => name;

    /// <summary>Free text in a sentence: a sealed one as its token marked free text, shortened once opened.</summary>
    private static string Written(string text) =>
        Privacy.SealedText.IsSealed(text) ? Privacy.Unsealed.FreeTextMark + text : Short(text);

    private static string Claim(decimal quantity, string unit, string kind) =>
        $"{DecimalText.Format(quantity)} {unit} of {kind}";

    private static string Amount(long amountMinor, string currency) =>
        new Money(amountMinor, Currency.Parse(currency, "currency")).ToString();

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Words(IEnumerable<string> words) => words.ToList() is { Count: > 0 } list ? string.Join(", ",
        list) : "a member without roles";

    private static string FourEyesWords(FourEyes rule) => rule switch
    {
        FourEyes.Always => "is always needed",
        FourEyes.Never => "is never needed",
        _ => "is needed when the network has two or more treasurers",
    };
}
