namespace OpenValue.Domain.Valuation;

using OpenValue.Domain.Money;

/// <summary>Valuing a claim as a decision sees it: a claim a version cannot value is a conflict, not bad input.</summary>
public static class Valuing
{
    /// <summary>
    /// <see cref="Points.Value"/>, except that a kind without a rule or a unit other than the rule's is
    /// Conflict "kind-not-valued": the claim was valid when made, the equation in force does not cover it.
    /// </summary>
    public static PointsValuation Value(ValueEquation equation, string kind, decimal quantity, string unit, Currency currency, Guid? projectId) =>
        TryValue(equation, kind, quantity, unit, currency, projectId)
        ?? throw RuleViolation.Conflict("kind-not-valued",
            $"Value equation version {equation.Version} does not value '{kind}' claimed in '{unit}'; a steward must adopt a version that does.");

    /// <summary>The valuation, or null when the version has no rule for the kind in the claim's unit.</summary>
    public static PointsValuation? TryValue(ValueEquation equation, string kind, decimal quantity, string unit, Currency currency, Guid? projectId)
    {
        if (equation.RuleFor(kind, projectId) is not { } found || Points.UnitName(found.Rule.Unit, currency) != unit)
            return null;
        return Points.Value(equation, kind, quantity, unit, currency, projectId);
    }
}
