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

public sealed record ProjectsResponse(IReadOnlyList<ProjectResponse> Projects);

public static class ListProjectsEndpoint
{
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
