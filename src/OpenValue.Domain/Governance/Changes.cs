using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Governance;

/// <summary>
/// A proposal's change: the body the direct route takes (POST value-equations, review-policy, treasury-policy,
/// governance-policy), or <c>Text</c> for a plain decision. Only the fields of the proposal's kind may be sent.
/// </summary>
public sealed record ChangeRequest(
    string? Preset = null,
    IReadOnlyDictionary<string, KindRuleRequest?>? Rules = null,
    int? HalfLifeDays = null,
    IReadOnlyDictionary<string, string?>? ClassWeights = null,
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, KindRuleRequest?>?>? ProjectOverrides = null,
    int? ApprovalsRequired = null,
    string? FourEyes = null,
    int? CoolingOffHours = null,
    IReadOnlyDictionary<string, string?>? DecisionTypes = null,
    IReadOnlyDictionary<string, int?>? MinimumDays = null,
    bool? StewardsAdoptDirectly = null,
    string? Text = null,
    LeaverTermsChange? LeaverTerms = null);

/// <summary>The treasury policy's leaver terms, as its direct route takes them: the kinds each leaver keeps.</summary>
public sealed record LeaverTermsChange(
    IReadOnlyList<string?>? GoodLeaverKeeps = null, IReadOnlyList<string?>? BadLeaverKeeps = null);

/// <summary>Checking a change when it is proposed, and appending it when its proposal passes.</summary>
public static class Changes
{
    public const int MaxTextLength = 4000;

    /// <summary>
    /// The change as it will be stored, checked exactly as the direct route checks it (its fields named
    /// <c>change.…</c> in a refusal). A change that would change nothing is refused too.
    /// </summary>
    public static ChangeRequest Check(ProposalKind kind, ChangeRequest? change, Network network, Guid proposer,
        Instant now)
    {
        if (change is null)
            throw RuleViolation.Invalid("change", "'change' is required: the body the direct route takes, or " +
                                                  "{\"text\": …} for a decision.");
        if (Foreign(kind, change) is { } field)
            throw RuleViolation.Invalid($"change.{field}",
                $"'change.{field}' is not part of a {Statuses.Name(kind)} change.");
        if (kind == ProposalKind.Decision)
            return change with { Text = Text.Required(change.Text, "change.text", MaxTextLength, multiline: true) };
        try
        {
            if (Apply(kind, change, network, proposer, Guid.Empty, now).Length == 0)
                throw RuleViolation.Invalid("change", "This changes nothing: it is the policy in force already.");
        }
        catch (RuleViolation violation) when (violation is { Kind: RefusalKind.Invalid, Field: { } inner }
                                              && !inner.StartsWith("change", StringComparison.Ordinal))
        {
            throw new RuleViolation(violation.Kind, violation.Code, violation.Message, $"change.{inner}");
        }
        return change;
    }

    /// <summary>The events the change appends to the network stream, citing <paramref name="proposalId"/>.</summary>
    public static object[] Apply(ProposalKind kind, ChangeRequest change, Network network, Guid proposer,
        Guid proposalId, Instant now)
    {
        object[] events = kind switch
        {
            ProposalKind.ValueEquation => ValueEquations.Decide(new AdoptValueEquation(new ValueEquationRequest(
                change.Preset, change.Rules, change.HalfLifeDays, change.ClassWeights, change.ProjectOverrides),
                proposer), network, now),
            ProposalKind.ReviewPolicy => ReviewPolicy.Decide(
                new SetReviewPolicy(change.ApprovalsRequired, proposer), network, now),
            ProposalKind.TreasuryPolicy => TreasuryPolicy.Decide(
                new SetTreasuryPolicy(change.FourEyes, change.CoolingOffHours, proposer,
                    change.LeaverTerms?.GoodLeaverKeeps, change.LeaverTerms?.BadLeaverKeeps), network, now),
            ProposalKind.GovernancePolicy => GovernanceRules.Decide(new SetGovernancePolicy(
                change.DecisionTypes, change.MinimumDays, change.StewardsAdoptDirectly, proposer), network, now),
            _ => [],
        };
        return [.. events.Select(e => Cite(e, proposalId))];
    }

    private static object Cite(object e, Guid proposalId) => e switch
    {
        ValueEquationAdopted a => a with { ProposalId = proposalId },
        ReviewPolicySet r => r with { ProposalId = proposalId },
        TreasuryPolicySet t => t with { ProposalId = proposalId },
        GovernancePolicySet g => g with { ProposalId = proposalId },
        _ => e,
    };

    /// <summary>The first field sent that belongs to another kind of change, if any.</summary>
    private static string? Foreign(ProposalKind kind, ChangeRequest c)
    {
        (string Name, bool Sent, ProposalKind Kind)[] fields =
        [
            ("preset", c.Preset is not null, ProposalKind.ValueEquation),
            ("rules", c.Rules is not null, ProposalKind.ValueEquation),
            ("halfLifeDays", c.HalfLifeDays is not null, ProposalKind.ValueEquation),
            ("classWeights", c.ClassWeights is not null, ProposalKind.ValueEquation),
            ("projectOverrides", c.ProjectOverrides is not null, ProposalKind.ValueEquation),
            ("approvalsRequired", c.ApprovalsRequired is not null, ProposalKind.ReviewPolicy),
            ("fourEyes", c.FourEyes is not null, ProposalKind.TreasuryPolicy),
            ("coolingOffHours", c.CoolingOffHours is not null, ProposalKind.TreasuryPolicy),
            ("leaverTerms", c.LeaverTerms is not null, ProposalKind.TreasuryPolicy),
            ("decisionTypes", c.DecisionTypes is not null, ProposalKind.GovernancePolicy),
            ("minimumDays", c.MinimumDays is not null, ProposalKind.GovernancePolicy),
            ("stewardsAdoptDirectly", c.StewardsAdoptDirectly is not null, ProposalKind.GovernancePolicy),
            ("text", c.Text is not null, ProposalKind.Decision),
        ];
        return fields.FirstOrDefault(f => f.Sent && f.Kind != kind).Name;
    }
}
