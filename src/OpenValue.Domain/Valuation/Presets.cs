namespace OpenValue.Domain.Valuation;

/// <summary>
/// Ready-made rule sets a network can start from. Wire names: "slicing-pie", "hours-only", "equal-money".
/// </summary>
public static class Presets
{
    /// <summary>The fair hourly rate Slicing Pie uses when the network names none: 50 points per hour.</summary>
    public const decimal DefaultHourlyRate = 50m;

    /// <summary>The preset wire names, in the order they are listed to people.</summary>
    public static readonly IReadOnlyList<string> Names = ["slicing-pie", "hours-only", "equal-money"];

    /// <summary>
    /// Slicing Pie (Mike Moyer), in the units of the default claim catalogue: unpaid work and care at a fair
    /// hourly rate ×2; cash and unreimbursed expenses ×4 at 1 point per currency unit (Moyer counts an
    /// expense paid out of pocket as cash); material and sales at their fair market value ×2; equipment use
    /// in hours ×2 at 1 point per hour (a placeholder: set the fair rental rate per hour); design in points
    /// ×2, 1 point being one currency unit of its agreed fair value.
    /// </summary>
    public static IReadOnlyDictionary<string, KindRule> SlicingPie(decimal hourlyRate = DefaultHourlyRate) => new Dictionary<string, KindRule>
    {
        ["work"] = new(ValueUnit.Hour, hourlyRate, 2m),
        ["care"] = new(ValueUnit.Hour, hourlyRate, 2m),
        ["cash"] = new(ValueUnit.Money, 1m, 4m),
        ["expense"] = new(ValueUnit.Money, 1m, 4m),
        ["material"] = new(ValueUnit.Money, 1m, 2m),
        ["sales"] = new(ValueUnit.Money, 1m, 2m),
        ["equipment"] = new(ValueUnit.Hour, 1m, 2m),
        ["design"] = new(ValueUnit.Point, 1m, 2m),
    };

    /// <summary>Time banking: 1 point per hour of work or care, whoever gives it.</summary>
    public static IReadOnlyDictionary<string, KindRule> HoursOnly() => new Dictionary<string, KindRule>
    {
        ["work"] = new(ValueUnit.Hour, 1m, 1m),
        ["care"] = new(ValueUnit.Hour, 1m, 1m),
    };

    /// <summary>Money in: 1 point per currency unit of cash, expense or material.</summary>
    public static IReadOnlyDictionary<string, KindRule> EqualMoney() => new Dictionary<string, KindRule>
    {
        ["cash"] = new(ValueUnit.Money, 1m, 1m),
        ["expense"] = new(ValueUnit.Money, 1m, 1m),
        ["material"] = new(ValueUnit.Money, 1m, 1m),
    };

    /// <summary>The preset's rules by wire name, or null for an unknown name.</summary>
    public static IReadOnlyDictionary<string, KindRule>? Named(string name) => name switch
    {
        "slicing-pie" => SlicingPie(),
        "hours-only" => HoursOnly(),
        "equal-money" => EqualMoney(),
        _ => null,
    };
}
