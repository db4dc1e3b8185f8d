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

public sealed record OpenProjectRequest(string? Name);

public sealed record ProjectOpenedResponse(Guid ProjectId);

public static class OpenProjectEndpoint
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
}
