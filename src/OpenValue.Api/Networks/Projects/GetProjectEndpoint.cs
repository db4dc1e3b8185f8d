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

public sealed record ProjectResponse(Guid ProjectId, string Name, Instant OpenedAt);

public static class GetProjectEndpoint
{
    [WolverineGet("/networks/{networkId}/projects/{projectId}")]
    [EndpointSummary("Get a project")]
    [EndpointDescription("Its name and when it was opened.")]
    public static async Task<ProjectResponse> Get(Guid projectId, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<ProjectView>(projectId, http.RequestAborted) is { } p
            ? new ProjectResponse(p.Id, p.Name, p.OpenedAt)
            : throw RuleViolation.NotFound("project-not-found", $"Project {projectId} is not in this network.");
}
