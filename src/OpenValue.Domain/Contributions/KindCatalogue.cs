using System.Collections.Frozen;
using OpenValue.Domain.Money;

namespace OpenValue.Domain.Contributions;

/// <summary>
/// The unit a kind of contribution is measured in. A money kind is measured in the network's currency and
/// may have no more decimals than that currency's minor unit.
/// </summary>
public sealed record KindRule(string Kind, string Unit, int MaxDecimals, bool IsMoney);

/// <summary>
/// Which kinds a network accepts and in which units. Until a value equation is adopted every network uses
/// <see cref="Default"/>; the value-equation work supplies its own catalogue to the same decisions.
/// </summary>
public sealed class KindCatalogue(IEnumerable<KindRule> rules)
{
    /// <summary>Hours and points are counted to hundredths; finer claims are noise, not precision.</summary>
    public const int CountDecimals = 2;

    private readonly FrozenDictionary<string, KindRule> rules = rules.ToFrozenDictionary(r => r.Kind, StringComparer.Ordinal);

    public IEnumerable<string> Kinds => rules.Keys.Order(StringComparer.Ordinal);

    public KindRule? Find(string kind) => rules.GetValueOrDefault(kind);

    /// <summary>
    /// The catalogue in force in a network: <see cref="Default"/> until a value equation is adopted, then the
    /// kinds the version in force values, in its units (a money rule in the network's currency).
    /// </summary>
    public static KindCatalogue Of(Networks.Network network)
    {
        var currency = Currency.Parse(network.Currency, "currency");
        return network.Equation is { } equation ? From(equation, currency) : Default(currency);
    }

    public static KindCatalogue From(Valuation.ValueEquation equation, Currency currency) => new(
        equation.Rules.Select(r => r.Value.Unit == Valuation.ValueUnit.Money
            ? new KindRule(r.Key, currency.Code, currency.MinorDigits, IsMoney: true)
            : new KindRule(r.Key, Valuation.Points.UnitName(r.Value.Unit, currency), CountDecimals, IsMoney: false)));

    public static KindCatalogue Default(Currency currency)
    {
        KindRule Count(string kind, string unit) => new(kind, unit, CountDecimals, IsMoney: false);
        KindRule Cash(string kind) => new(kind, currency.Code, currency.MinorDigits, IsMoney: true);
        return new KindCatalogue(
        [
            Count("work", "hour"), Cash("cash"), Cash("expense"), Cash("material"), Cash("sales"),
            Count("equipment", "hour"), Count("design", "point"), Count("care", "hour"),
        ]);
    }
}
