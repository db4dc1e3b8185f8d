namespace OpenValue.Domain.Valuation;

/// <summary>What a contribution's quantity is measured in, as far as a value equation is concerned.</summary>
public enum ValueUnit
{
    /// <summary>Hours of work or care; wire name "hour".</summary>
    Hour,

    /// <summary>Points given directly; wire name "point".</summary>
    Point,

    /// <summary>Major units of the network's currency (euros, not cents); wire name "money".</summary>
    Money,
}

/// <summary>
/// How one kind of contribution turns into value points: points = quantity × <see cref="Rate"/> ×
/// <see cref="Multiplier"/>. Rate and multiplier are kept apart (rather than multiplied once) because
/// people reason about them separately: a fair hourly rate, and Slicing Pie's x2 for unpaid work.
/// </summary>
/// <param name="Unit">The unit the contribution's quantity must be in.</param>
/// <param name="Rate">Points per unit, &gt; 0.</param>
/// <param name="Multiplier">A factor on top of the rate, &gt; 0.</param>
public sealed record KindRule(ValueUnit Unit, decimal Rate, decimal Multiplier);
