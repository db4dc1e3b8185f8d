using OpenValue.Domain.Networks;
using System.Reflection;
using NodaTime;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Events;

/// <summary>
/// The projections that fold one kind of stream take only <see cref="StreamEvents"/>' types for it, so an event
/// type missing there would never reach them. The domain's events are its records that say when they happened
/// (an Instant); every one of them must belong to exactly one kind of stream.
/// </summary>
public class StreamEventsTests
{
    /// <summary>
    /// Records that carry a moment but are values, never appended: a new one must be named here or in a stream.
    /// </summary>
    private static readonly Type[] NotEvents = [typeof(EpochDecay), typeof(AcceptedContribution),
        typeof(DistributionRequest), typeof(Vouching),
        typeof(ClassPeriod), typeof(NetworkMember), typeof(PoolHolding),
        typeof(Domain.Governance.Proposal), typeof(Domain.Governance.StatedPosition),
            typeof(Domain.Governance.ProposalOutcome), typeof(Domain.Budgeting.RoundRequest)];

    private static readonly Type[] DomainEvents = typeof(StreamEvents).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true,
            IsSealed: true } && t.GetMethod("<Clone>$") is not null && !NotEvents.Contains(t)
                    && t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
                        p.PropertyType == typeof(Instant)))
        .ToArray();

    [Fact]
    public void every_event_the_domain_declares_belongs_to_one_kind_of_stream()
    {
        DomainEvents.Should().HaveCountGreaterThan(20, "the convention must find the events, not an empty set");
        StreamEvents.All.Should().BeEquivalentTo(DomainEvents);
    }

    [Fact]
    public void no_event_type_is_in_two_kinds_of_stream() =>
        StreamEvents.All.Should().OnlyHaveUniqueItems();
}
