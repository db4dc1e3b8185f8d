using OpenValue.Domain.Governance;

namespace OpenValue.Domain.Networks;

/// <summary>The network's governance policy: which change needs which decision, and whether stewards adopt
/// directly.</summary>
public sealed partial record Network
{
    public GovernancePolicy Governance { get; init; } = GovernancePolicy.Default;

    /// <summary>Members who left: their positions on open proposals no longer count (<see cref="Tally"/>).</summary>
    public IReadOnlySet<Guid> DepartedMembers() => Departed;

    private Network EvolveGovernance(object @event) => @event switch
    {
        GovernancePolicySet e => this with { Governance = GovernancePolicy.From(e) },
        _ => this,
    };
}
