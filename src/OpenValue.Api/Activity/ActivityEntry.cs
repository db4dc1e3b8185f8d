using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Activity;

/// <summary>
/// One fact of a network in its activity feed. The id is the event's global sequence: unique, in commit
/// order, and the paging cursor. Tenanted by network like the event it comes from.
/// </summary>
public sealed record ActivityEntry(
    long Id, Instant At, string Type, Guid? ActorId, ActivitySubjects Subjects, string Summary, string? Audience)
{
    /// <summary>"ContributionSubmitted" becomes "contribution-submitted", the API's spelling of words.</summary>
    public static string TypeName(Type eventType) => JsonNamingPolicy.KebabCaseLower.ConvertName(eventType.Name);
}

/// <summary>
/// The app's one asynchronous projection: Marten's daemon writes one entry per fact, milliseconds to a
/// second after the fact's own transaction. A feed may trail the facts a little; nothing decides on it,
/// and keeping it out of every write transaction keeps claims, reviews and payouts as fast as before.
/// Each entry is stored for the event's own tenant, so a network's entries can only be read by a session
/// opened for that network.
/// </summary>
public sealed partial class ActivityProjection : EventProjection
{
    public const string ProjectionName = "Activity";

    public ActivityProjection()
    {
        Name = ProjectionName;
        foreach (var type in ActivityFacts.Types)
            IncludeType(type);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (ActivityFacts.Describe(e.Data) is { } fact)
            operations.ForTenant(e.TenantId).Store(From(e, fact));
        return ValueTask.CompletedTask;
    }

    public static ActivityEntry From(IEvent e, ActivityFact fact) => new(
        e.Sequence, fact.At, ActivityEntry.TypeName(e.EventType), fact.ActorId, fact.Subjects, fact.Summary,
        fact.Audience is { } role ? Wire.Name(role) : null);
}
