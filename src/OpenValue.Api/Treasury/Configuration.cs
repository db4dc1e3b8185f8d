using JasperFx.Events.Projections;
using Marten;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Treasury;

/// <summary>
/// The treasury module's Marten registration: pools, distributions, income records and each member's payouts,
/// inline.
/// </summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Pool>().MultiTenanted();
        options.Schema.For<Distribution>().MultiTenanted();
        options.Schema.For<IncomeView>().MultiTenanted();
        // A member's payouts are read by member: the index keeps that read to their own rows in any network.
        options.Schema.For<MemberPayout>().MultiTenanted()
            .Index(p => p.MemberId, index => index.TenancyScope = Marten.Schema.Indexing.Unique.TenancyScope.PerTenant);
        options.Projections.Add<PoolProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DistributionProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<IncomeViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MemberPayoutProjection>(ProjectionLifecycle.Inline);
    }
}
