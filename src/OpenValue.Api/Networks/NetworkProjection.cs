using JasperFx.Events;
using Marten.Events.Aggregation;
using OpenValue.Domain;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Networks;

/// <summary>Folds a network stream into its write model with the domain's own pure Evolve.</summary>
public sealed class NetworkProjection : SingleStreamProjection<Network, Guid>
{
    public NetworkProjection()
    {
        foreach (var type in StreamEvents.Network) IncludeType(type);
    }

    public override Network? Evolve(Network? snapshot, Guid id, IEvent e) => Network.Evolve(snapshot, e.Data);
}
