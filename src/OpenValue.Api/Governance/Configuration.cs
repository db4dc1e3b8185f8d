using JasperFx.Events.Projections;
using Marten;
using OpenValue.Domain.Governance;

namespace OpenValue.Api.Governance;

/// <summary>The governance module's Marten registration: proposals, one stream each, folded inline.</summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Proposal>().MultiTenanted();
        options.Projections.Add<ProposalProjection>(ProjectionLifecycle.Inline);
    }
}
