using System.Collections.Immutable;
using NodaTime;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Networks;

/// <summary>The value-equation versions a network adopted, oldest first.</summary>
public sealed partial record Network
{
    public ImmutableList<ValueEquation> Equations { get; init; } = [];

    /// <summary>The version in force now: the last adopted, or null before any.</summary>
    public ValueEquation? Equation => Equations.Count == 0 ? null : Equations[^1];

    /// <summary>The version in force at <paramref name="moment"/>: the last adopted at or before it.</summary>
    public ValueEquation? EquationAt(Instant moment) => Equations.LastOrDefault(e => e.EffectiveFrom <= moment);

    public ValueEquation? EquationVersion(int version) => Equations.FirstOrDefault(e => e.Version == version);

    private Network EvolveValuation(object @event) => @event switch
    {
        ValueEquationAdopted e => this with { Equations = Equations.Add(ValueEquations.FromEvent(e)) },
        _ => this,
    };
}
