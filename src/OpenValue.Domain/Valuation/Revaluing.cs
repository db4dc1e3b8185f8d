using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

/// <summary>
/// An accepted contribution as valuation sees it, with the points it counts now (null: never valued).
/// </summary>
public sealed record AcceptedContribution(
    Guid ContributionId, Guid MemberId, Guid? ProjectId, string Kind, decimal Quantity, string Unit, Instant AcceptedAt,
        decimal? Points);

public sealed record RevalueContributions(int EquationVersion, string? Reason, Guid RevaluedBy);

/// <summary>
/// What a revaluation appends: one correction per changed contribution and the network's record of it.
/// </summary>
public sealed record Revaluation(
    IReadOnlyList<ContributionValueCorrected> Corrections, ContributionsRevalued? Revalued,
        IReadOnlyList<Guid> Unvalued);

/// <summary>
/// Re-valuing accepted contributions under an adopted version: explicit, with a reason, by compensating events.
/// </summary>
public static class Revaluing
{
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// Values every accepted contribution under the named version and corrects those whose points differ.
    /// Contributions the version cannot value (no rule for the kind, or another unit) keep their points and
    /// are listed in <see cref="Revaluation.Unvalued"/>: taking value away is never a side effect. When
    /// nothing changes nothing is appended, so a retried revaluation is harmless.
    /// </summary>
    public static Revaluation Decide(RevalueContributions command, Network network,
        IEnumerable<AcceptedContribution> accepted, Instant now)
    {
        var reason = Text.Required(command.Reason, "reason", MaxReasonLength, multiline: true);
        var equation = network.EquationVersion(command.EquationVersion)
            ?? throw RuleViolation.NotFound("value-equation-not-found",
                $"This network has no value equation version {command.EquationVersion}.");
        var currency = Currency.Parse(network.Currency, "currency");
        var corrections = new List<ContributionValueCorrected>();
        var unvalued = new List<Guid>();
        foreach (var c in accepted.OrderBy(c => c.AcceptedAt).ThenBy(c => c.ContributionId, MemberIdOrder.Instance))
        {
            if (Valuing.TryValue(equation, c.Kind, c.Quantity, c.Unit, currency, c.ProjectId) is not { } valuation)
                unvalued.Add(c.ContributionId);
            else if (valuation.Points != c.Points)
                corrections.Add(new ContributionValueCorrected(c.ContributionId, c.MemberId, c.ProjectId, c.Kind,
                    c.AcceptedAt, c.Points,
                    valuation.Points, equation.Version, valuation, reason, command.RevaluedBy, now));
        }
        var revalued = corrections.Count == 0
            ? null
            : new ContributionsRevalued(network.Id, equation.Version, reason, corrections.Count, command.RevaluedBy,
                now);
        return new Revaluation(corrections, revalued, unvalued);
    }
}
