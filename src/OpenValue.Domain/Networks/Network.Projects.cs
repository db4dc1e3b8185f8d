using System.Collections.Immutable;

namespace OpenValue.Domain.Networks;

public sealed record NetworkProject(Guid Id, string Name);

/// <summary>The parts of the network stream that contributions and their review depend on.</summary>
public sealed partial record Network
{
    public const int DefaultApprovalsRequired = 1;

    public ImmutableDictionary<Guid, NetworkProject> Projects { get; init; } = ImmutableDictionary<Guid,
        NetworkProject>.Empty;

    public int ApprovalsRequired { get; init; } = DefaultApprovalsRequired;

    private Network EvolveProjectsAndPolicy(object @event) => @event switch
    {
        ProjectOpened e => this with { Projects = Projects.SetItem(e.ProjectId, new NetworkProject(e.ProjectId,
            e.Name)) },
        ReviewPolicySet e => this with { ApprovalsRequired = e.ApprovalsRequired },
        _ => EvolveValuation(@event).EvolveTreasury(@event).EvolveGovernance(@event),
    };
}
