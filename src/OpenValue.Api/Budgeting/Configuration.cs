using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using OpenValue.Domain;
using OpenValue.Domain.Budgeting;

namespace OpenValue.Api.Budgeting;

/// <summary>The co-budgeting module's Marten registration: the round write model, stored inline.</summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Round>().MultiTenanted();
        options.Projections.Add<RoundProjection>(ProjectionLifecycle.Inline);
    }
}

/// <summary>
/// Folds a round stream with the domain's pure Evolve. Inline, like pools and distributions: the round is a
/// document the ledger and the GET routes read, written only in the transaction that appends to its stream.
/// </summary>
public sealed class RoundProjection : SingleStreamProjection<Round, Guid>
{
    public RoundProjection()
    {
        foreach (var type in StreamEvents.Round) IncludeType(type);
    }

    public override Round? Evolve(Round? snapshot, Guid id, IEvent e) => Round.Evolve(snapshot, e.Data);
}
