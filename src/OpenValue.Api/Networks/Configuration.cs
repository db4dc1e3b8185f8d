using JasperFx.Events.Projections;
using Marten;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks.Projects;

namespace OpenValue.Api.Networks;

/// <summary>The networks module's Marten registration: the network write model, members and projects.</summary>
public static class Configuration
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<MemberView>().MultiTenanted();
        options.Schema.For<NetworkView>().MultiTenanted();
        options.Schema.For<ProjectView>().MultiTenanted();
        // Stored, not folded per request: a network's stream grows with every admission, so folding it on
        // each claim, review or admission would cost O(members) — and admitting n members O(n²).
        options.Schema.For<Domain.Networks.Network>().MultiTenanted();
        options.Projections.Add<NetworkProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MemberViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<NetworkViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ProjectViewProjection>(ProjectionLifecycle.Inline);
    }
}
