using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks;
using OpenValue.Api.Privacy;
using OpenValue.Api.Security;
using OpenValue.Domain.Contributions;
using Wolverine.Http;

namespace OpenValue.Api.Contributions;

public sealed record AmendContributionRequest(
    string? Kind, string? Quantity, string? Unit, string? OccurredOn, string? Description,
    string? EvidenceUrl = null, string? ProjectId = null)
{
    [JsonIgnore]
    public ClaimInput Claim => new(Kind, Quantity, Unit, OccurredOn, Description, EvidenceUrl, ProjectId);
}

/// <summary>The author's amendment, decided on the stream version read.</summary>
public static class AmendContributionEndpoint
{
    [WolverinePut("/networks/{networkId}/contributions/{contributionId}")]
    [EndpointSummary("Amend a contribution")]
    [EndpointDescription("By its author, before any review or after changes were requested.")]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<ContributionResponse> Amend(Guid networkId, Guid contributionId, AmendContributionRequest body,
        HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var network = await NetworkLookup.NetworkOf(session, networkId, http.RequestAborted);
            var stream = await ContributionStreams.FetchExisting(session, contributionId, http.RequestAborted);
            var command = new AmendContribution(contributionId, http.Caller().MemberId, body.Claim);
            var events = Claiming.Decide(
                command, stream.Aggregate!, network, KindCatalogue.Of(network), now.InUtc().Date, now);
            stream.AppendMany(await new PersonalFields(session, http.RequestAborted).Seal(events));
        }, () => ContributionResponse.Load(session, contributionId, http.RequestAborted));
}
