using JasperFx.Events.Projections;
using Marten;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Treasury;

/// <summary>The treasury module's Marten registration: pools, distributions and income records, inline.</summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Pool>().MultiTenanted();
        options.Schema.For<Distribution>().MultiTenanted();
        options.Schema.For<IncomeView>().MultiTenanted();
        options.Projections.Add<PoolProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DistributionProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<IncomeViewProjection>(ProjectionLifecycle.Inline);
    }
}
