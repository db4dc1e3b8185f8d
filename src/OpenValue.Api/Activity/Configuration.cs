using JasperFx.Events.Projections;
using Marten;

namespace OpenValue.Api.Activity;

/// <summary>The activity feed's Marten registration.</summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        // The activity feed may trail its facts by a moment, so it is kept out of every write transaction.
        options.Schema.For<ActivityEntry>().MultiTenanted();
        options.Projections.Add<ActivityProjection>(ProjectionLifecycle.Async);
        // How long a fact takes to reach the feed is mostly how often the daemon looks for new events. Marten's
        // defaults (250 ms busy, 1 s idle) put the median lag near half a second; looking every 100 ms costs one
        // small query a tenth of a second per database. LISTEN/NOTIFY would be faster still, but every appending
        // transaction would then take PostgreSQL's global notify lock while it commits (docs/performance.md, 6).
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(100);
    }
}
