using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Valuation;

/// <summary>The shares a proposed equation would give: per member points by kind, shares, and what it cannot value.</summary>
public sealed record SimulatedShares(
    IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>> PointsByKind, IReadOnlyList<ShareLine> Shares, IReadOnlyList<Guid> Unvalued);

/// <summary>"What if": a proposed equation applied to the whole history, as if it had been in force all along.</summary>
public static class Simulation
{
    /// <summary>
    /// Values every accepted contribution's stored kind, quantity, unit and project under
    /// <paramref name="proposed"/>, decays each from its acceptance to <paramref name="asOf"/> when the
    /// proposal has a half-life (as <see cref="Decay.Decayed"/>), and shares the result with the proposal's
    /// class weights. Contributions it cannot value count 0 and are listed.
    /// </summary>
    public static SimulatedShares Run(
        ValueEquation proposed, IEnumerable<AcceptedContribution> accepted, IReadOnlyDictionary<Guid, StakeholderClass> classes,
        Currency currency, Instant asOf)
    {
        var byKind = new Dictionary<Guid, Dictionary<string, decimal>>();
        var unvalued = new List<Guid>();
        foreach (var c in accepted.Where(c => c.AcceptedAt <= asOf))
        {
            if (Valuing.TryValue(proposed, c.Kind, c.Quantity, c.Unit, currency, c.ProjectId) is not { } valuation)
            {
                unvalued.Add(c.ContributionId);
                continue;
            }
            var points = proposed.HalfLifeDays is { } h ? Decay.Decayed(valuation.Points, c.AcceptedAt, asOf, h) : valuation.Points;
            var kinds = byKind.TryGetValue(c.MemberId, out var found) ? found : byKind[c.MemberId] = [];
            kinds[c.Kind] = kinds.GetValueOrDefault(c.Kind) + points;
        }
        var totals = byKind.ToDictionary(m => m.Key, m => m.Value.Values.Sum());
        var shares = proposed.ClassWeights is { } weights
            ? Shares.Of(totals, totals.Keys.ToDictionary(m => m, m => classes[m]), weights)
            : Shares.Of(totals);
        return new SimulatedShares(
            byKind.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, decimal>)m.Value), shares, [.. unvalued.Order(MemberIdOrder.Instance)]);
    }
}
