using JasperFx.Events;
using Marten.Events.Aggregation;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Contributions;

/// <summary>Folds a contribution stream into its write model with the domain's own pure Evolve.</summary>
public sealed class ContributionProjection : SingleStreamProjection<Contribution, Guid>
{
    public override Contribution? Evolve(Contribution? snapshot, Guid id, IEvent e) => Contribution.Evolve(snapshot, e.Data);
}
