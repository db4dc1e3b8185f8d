using NodaTime;
using NodaTime.Text;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Governance;

/// <summary><c>DecisionType</c> null: the type the governance policy names for the kind.</summary>
public sealed record MakeProposal(
    Guid ProposalId, string? Title, string? Kind, ChangeRequest? Change, string? DecisionType, string? ClosesAt,
    Guid ProposedBy);

public sealed record StatePosition(Guid MemberId, string? Position, string? Reason);

public sealed record WithdrawProposal(Guid MemberId, string? Reason);

/// <summary>What a decision on a proposal appends: to its own stream, and (when it passes) to the network's.</summary>
public sealed record ProposalDecision(IReadOnlyList<object> ProposalEvents, IReadOnlyList<object> NetworkEvents)
{
    public static readonly ProposalDecision None = new([], []);
}

public static class Proposing
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 2000;
    public static readonly Duration MaxOpen = Duration.FromDays(365);

    /// <param name="members">The network's members now: the eligible voters.</param>
    public static ProposalMade Decide(MakeProposal command, Network network, IReadOnlyList<Guid> members, Instant now)
    {
        var title = Text.Required(command.Title, "title", MaxTitleLength);
        var kind = Statuses.Parse<ProposalKind>(command.Kind, "kind");
        var closesAt = ParseClosesAt(command.ClosesAt, now);
        var change = Changes.Check(kind, command.Change, network, command.ProposedBy, now);
        var required = network.Governance.Required(kind);
        var type = command.DecisionType is null
            ? required
            : Statuses.Parse<DecisionType>(command.DecisionType, "decisionType");
        if (type != required)
            throw RuleViolation.Conflict("decision-type-not-allowed",
                $"The governance policy decides a {Statuses.Name(kind)} change by a {Statuses.Name(required)} " +
                $"decision, not {Statuses.Name(type)}.");
        var minimum = network.Governance.Minimum(type);
        if (closesAt - now < minimum)
            throw RuleViolation.Invalid("closesAt",
                $"A {Statuses.Name(type)} decision stays open at least {minimum.Days} days: 'closesAt' must be at " +
                $"or after {InstantPattern.ExtendedIso.Format(now + minimum)}.");
        return new ProposalMade(network.Id, command.ProposalId, title, kind, change, type, [.. members.Order()],
            closesAt, command.ProposedBy, now);
    }

    /// <summary>
    /// An eligible voter states or changes their position while the proposal is open. When every voter who counts
    /// has stated one, the proposal closes at once (and a passed one appends its change).
    /// </summary>
    public static ProposalDecision Decide(StatePosition command, Proposal proposal, Network network, Instant now)
    {
        var position = Statuses.Parse<Position>(command.Position, "position");
        var reason = Text.Optional(command.Reason, "reason", MaxReasonLength, multiline: true);
        if (reason is null && position is Position.Block or Position.Disagree)
            throw RuleViolation.Invalid("reason", $"A position of '{Statuses.Name(position)}' needs a reason.");
        RequireOpen(proposal, now);
        var departed = network.DepartedMembers();
        if (!proposal.EligibleVoters.Contains(command.MemberId) || departed.Contains(command.MemberId))
            throw RuleViolation.Forbidden("not-eligible",
                "Only the members of the network when the proposal was made, and still in it, state positions on it.");
        if (proposal.Positions.GetValueOrDefault(command.MemberId) is { } earlier
            && earlier.Position == position && earlier.Reason == reason)
            return ProposalDecision.None;

        var stated = new PositionStated(network.Id, proposal.Id, command.MemberId, position, reason, now);
        var after = Proposal.Evolve(proposal, stated)!;
        if (!Tally.EveryoneStated(Tally.Count(after, departed)))
            return new ProposalDecision([stated], []);
        var closing = Close(after, network, now, early: true);
        return new ProposalDecision([stated, .. closing.ProposalEvents], closing.NetworkEvents);
    }

    public static ProposalWithdrawn Decide(WithdrawProposal command, Proposal proposal, Network network, Instant now)
    {
        var reason = Text.Optional(command.Reason, "reason", MaxReasonLength, multiline: true);
        if (command.MemberId != proposal.ProposedBy)
            throw RuleViolation.Forbidden("proposer-only", "Only the member who made a proposal withdraws it.");
        RequireOpen(proposal, now);
        return new ProposalWithdrawn(network.Id, proposal.Id, Tally.Count(proposal, network.DepartedMembers()), reason,
            command.MemberId, now);
    }

    /// <summary>
    /// At its deadline: the outcome, and a passed proposal's change. Nothing before the deadline or once closed,
    /// so a close message delivered twice or early changes nothing.
    /// </summary>
    public static ProposalDecision CloseAtDeadline(Proposal proposal, Network network, Instant now) =>
        proposal.IsOpen && now >= proposal.ClosesAt
            ? Close(proposal, network, now, early: false)
            : ProposalDecision.None;

    private static ProposalDecision Close(Proposal proposal, Network network, Instant now, bool early)
    {
        var counts = Tally.Count(proposal, network.DepartedMembers());
        var verdict = Tally.Judge(proposal.DecisionType, counts);
        if (!verdict.Passes)
            return new([new ProposalFailed(network.Id, proposal.Id, counts, verdict.Why, early, now)], []);
        object[] change;
        try
        {
            change = Changes.Apply(proposal.Kind, proposal.Change, network, proposal.ProposedBy, proposal.Id, now);
        }
        catch (RuleViolation violation)
        {
            // The network moved on since the proposal was checked (rare: the change can no longer be applied).
            var why = $"{verdict.Why} But its change no longer applies: {violation.Message}";
            return new([new ProposalFailed(network.Id, proposal.Id, counts, why, early, now)], []);
        }
        return new([new ProposalPassed(network.Id, proposal.Id, counts, verdict.Why, early, now)], change);
    }

    private static void RequireOpen(Proposal proposal, Instant now)
    {
        if (!proposal.IsOpen)
            throw RuleViolation.Conflict("proposal-closed", $"This proposal is {Statuses.Name(proposal.Status)}.");
        if (now >= proposal.ClosesAt)
            throw RuleViolation.Conflict("proposal-closed", "This proposal's deadline has passed; it is closing.");
    }

    private static Instant ParseClosesAt(string? text, Instant now)
    {
        var parsed = InstantPattern.ExtendedIso.Parse(text ?? "");
        if (!parsed.Success)
            throw RuleViolation.Invalid("closesAt", "'closesAt' must be an instant such as 2026-12-08T12:00:00Z.");
        if (parsed.Value <= now)
            throw RuleViolation.Invalid("closesAt", "'closesAt' must be in the future.");
        if (parsed.Value - now > MaxOpen)
            throw RuleViolation.Invalid("closesAt", "'closesAt' must be within a year.");
        return parsed.Value;
    }
}
