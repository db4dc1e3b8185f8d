namespace OpenValue.Domain.Valuation;

using OpenValue.Domain.Money;

/// <summary>
/// The value points one contribution earned and every input that gave them, so an acceptance event can
/// record them and anyone can recompute: <see cref="Points"/> = <see cref="Quantity"/> × <see cref="Rate"/>
/// × <see cref="Multiplier"/>.
/// </summary>
/// <param name="Kind">The contribution kind, e.g. "work".</param>
/// <param name="Quantity">Hours, points or currency units (major units: euros, not cents).</param>
/// <param name="Unit">The rule's unit.</param>
/// <param name="Rate">The rule's points per unit.</param>
/// <param name="Multiplier">The rule's multiplier.</param>
/// <param name="EquationVersion">The value-equation version the rule came from.</param>
/// <param name="FromProjectOverride">True when a project's override rule was used instead of the network rule.</param>
/// <param name="Points">The exact product.</param>
public sealed record PointsValuation(
    string Kind, decimal Quantity, ValueUnit Unit, decimal Rate, decimal Multiplier, int EquationVersion,
    bool FromProjectOverride, decimal Points);

/// <summary>Turns one contribution into value points under a value equation.</summary>
public static class Points
{
    /// <summary>
    /// Values a contribution under <paramref name="equation"/>. <paramref name="unit"/> is the contribution's
    /// unit as stated: "hour", "point", or the network currency's code (e.g. "EUR") for a money rule.
    /// Refuses: a negative quantity (Invalid "quantity"), a unit other than the rule's (Invalid "unit"), and a
    /// kind this version has no rule for (Conflict "kind-not-valued").
    /// </summary>
    /// <exception cref="OverflowException">A product beyond decimal's range (about 7.9 × 10^28 points).</exception>
    public static PointsValuation Value(
        ValueEquation equation, string kind, decimal quantity, string unit, Currency currency, Guid? projectId = null)
    {
        if (quantity < 0)
            throw RuleViolation.Invalid("quantity", $"'quantity' must not be negative (got {DecimalText.Format(quantity)}).");
        var (rule, fromOverride) = equation.RuleFor(kind, projectId)
            ?? throw RuleViolation.Conflict("kind-not-valued", $"Value equation version {equation.Version} has no rule for kind '{kind}'.");
        var expected = UnitName(rule.Unit, currency);
        if (unit != expected)
            throw RuleViolation.Invalid("unit", $"Kind '{kind}' is measured in '{expected}' under value equation version {equation.Version} (got '{unit}').");
        return new PointsValuation(kind, quantity, rule.Unit, rule.Rate, rule.Multiplier, equation.Version, fromOverride,
            ExactProduct(quantity, rule.Rate, rule.Multiplier));
    }

    /// <summary>
    /// decimal multiplication silently rounds past 28 significant digits; points must be exact, so a product
    /// that would need rounding is refused rather than stored approximately.
    /// </summary>
    private static decimal ExactProduct(decimal quantity, decimal rate, decimal multiplier)
    {
        var product = quantity * rate * multiplier;
        var (q, qs) = ExactWeights.Decompose(quantity);
        var (r, rs) = ExactWeights.Decompose(rate);
        var (m, ms) = ExactWeights.Decompose(multiplier);
        var (p, ps) = ExactWeights.Decompose(product);
        var exact = q * r * m * System.Numerics.BigInteger.Pow(10, ps) == p * System.Numerics.BigInteger.Pow(10, qs + rs + ms);
        return exact ? product : throw RuleViolation.Invalid("quantity",
            $"'quantity' {DecimalText.Format(quantity)} × rate × multiplier needs more than 28 significant digits; round the quantity.");
    }

    /// <summary>How a contribution states a unit: "hour", "point", or the currency code for money.</summary>
    public static string UnitName(ValueUnit unit, Currency currency) => unit switch
    {
        ValueUnit.Hour => "hour",
        ValueUnit.Point => "point",
        _ => currency.Code,
    };
}
