using Marten;
using OpenValue.Api.Networks;
using OpenValue.Api.Infrastructure;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Projects;

/// <summary>One project of a network, for its members. Tenanted by network; updated inline.</summary>
public sealed class ProjectView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Instant OpenedAt { get; set; }
}

public sealed class ProjectViewProjection : MultiStreamProjection<ProjectView, Guid>
{
    public ProjectViewProjection() => Identity<ProjectOpened>(e => e.ProjectId);

    public static ProjectView Create(ProjectOpened e) => new() { Id = e.ProjectId, Name = e.Name,
        OpenedAt = e.OpenedAt };
}
