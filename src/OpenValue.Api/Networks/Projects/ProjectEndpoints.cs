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

public sealed record OpenProjectRequest(string? Name);

public sealed record ProjectOpenedResponse(Guid ProjectId);

public sealed record ProjectResponse(Guid ProjectId, string Name, Instant OpenedAt);

public sealed record ProjectsResponse(IReadOnlyList<ProjectResponse> Projects);

public static class ProjectEndpoints
{
    [WolverinePost("/networks/{networkId}/projects"), Allow(Role.Steward)]
    [EndpointSummary("Open a project")]
    [EndpointDescription(
        "A venture inside the network (a design, a product line) that contributions and income can belong to.")]
    [ProducesResponseType<ProjectOpenedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Open(Guid networkId, OpenProjectRequest body, HttpContext http,
        IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var projectId = Guid.CreateVersion7();
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new OpenProject(projectId, body.Name, http.Caller().MemberId);
            stream.AppendMany(Domain.Networks.Projects.Decide(command, stream.Aggregate!, now));
            return Results.Created($"/networks/{networkId}/projects/{projectId}",
                new ProjectOpenedResponse(projectId));
        });

    [WolverineGet("/networks/{networkId}/projects/{projectId}")]
    [EndpointSummary("Get a project")]
    [EndpointDescription("Its name and when it was opened.")]
    public static async Task<ProjectResponse> Get(Guid projectId, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<ProjectView>(projectId, http.RequestAborted) is { } p
            ? new ProjectResponse(p.Id, p.Name, p.OpenedAt)
            : throw RuleViolation.NotFound("project-not-found", $"Project {projectId} is not in this network.");

    [WolverineGet("/networks/{networkId}/projects")]
    [EndpointSummary("List the projects")]
    [EndpointDescription("In the order they were opened.")]
    public static async Task<ProjectsResponse> List(IQuerySession session, HttpContext http)
    {
        var projects = await session.Query<ProjectView>().OrderBy(p => p.OpenedAt).ThenBy(p => p.Name)
            .ToListAsync(http.RequestAborted);
        return new ProjectsResponse([.. projects.Select(p => new ProjectResponse(p.Id, p.Name, p.OpenedAt))]);
    }
}
