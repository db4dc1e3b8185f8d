using JasperFx.Events;
using Marten.Events.Aggregation;
using OpenValue.Domain;
using OpenValue.Domain.Governance;

namespace OpenValue.Api.Governance;

/// <summary>Folds a proposal stream into its write model with the domain's own pure Evolve.</summary>
public sealed class ProposalProjection : SingleStreamProjection<Proposal, Guid>
{
    public ProposalProjection()
    {
        foreach (var type in StreamEvents.Proposal) IncludeType(type);
    }

    public override Proposal? Evolve(Proposal? snapshot, Guid id, IEvent e) => Proposal.Evolve(snapshot, e.Data);
}
