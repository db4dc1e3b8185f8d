using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OpenValue.Domain;
using OpenValue.Domain.Governance;

namespace OpenValue.Api.Governance;

public static class Configuration
{
    /// <summary>Proposals: one stream each, folded inline into a document tenanted by network.</summary>
    public static void AddGovernance(this IServiceCollection services) => services.ConfigureMarten(options =>
    {
        options.Schema.For<Proposal>().MultiTenanted();
        options.Projections.Add<ProposalProjection>(ProjectionLifecycle.Inline);
    });
}

/// <summary>Folds a proposal stream into its write model with the domain's own pure Evolve.</summary>
public sealed class ProposalProjection : SingleStreamProjection<Proposal, Guid>
{
    public ProposalProjection()
    {
        foreach (var type in StreamEvents.Proposal) IncludeType(type);
    }

    public override Proposal? Evolve(Proposal? snapshot, Guid id, IEvent e) => Proposal.Evolve(snapshot, e.Data);
}
