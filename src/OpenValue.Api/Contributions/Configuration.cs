using JasperFx.Events.Projections;
using Marten;

namespace OpenValue.Api.Contributions;

/// <summary>
/// The contributions module's Marten registration: the write model folded live from its short stream, the
/// view the lists and the review queue read, stored inline.
/// </summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<ContributionView>().MultiTenanted();
        options.Projections.Add<ContributionProjection>(ProjectionLifecycle.Live);
        options.Projections.Add<ContributionViewProjection>(ProjectionLifecycle.Inline);
    }
}
