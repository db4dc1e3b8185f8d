using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Api.Privacy;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Contributions;

public sealed record SubmitContributionRequest(
    string? Kind, string? Quantity, string? Unit, string? OccurredOn, string? Description,
    string? EvidenceUrl = null, string? ProjectId = null, string? Id = null)
{
    [JsonIgnore]
    public ClaimInput Claim => new(Kind, Quantity, Unit, OccurredOn, Description, EvidenceUrl, ProjectId);
}

public sealed record ContributionSubmittedResponse(Guid ContributionId);

public static class SubmitContributionEndpoint
{
    /// <summary>
    /// Two ways to make a retry safe, usable together: a client-chosen id (a resubmission of the same claim
    /// appends nothing and answers 201 again) and an Idempotency-Key (the first response replayed).
    /// </summary>
    [WolverinePost("/networks/{networkId}/contributions"), Allow(Role.Contributor), Idempotent]
    [EndpointSummary("Submit a contribution")]
    [EndpointDescription(
        "A claim of work, cash, expenses, materials and so on. A client-chosen id makes a resubmission harmless " +
        "(201 again, nothing appended).")]
    [ProducesResponseType<ContributionSubmittedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Submit(
        Guid networkId, SubmitContributionRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var id = ChosenId(body.Id);
            var network = await NetworkLookup.NetworkOf(session, networkId, http.RequestAborted);
            var command = new SubmitContribution(id, http.Caller().MemberId, body.Claim);
            if (string.IsNullOrWhiteSpace(body.Id))
            {
                // A fresh server-chosen id names no stream yet: start it without reading it first (one round trip
                // fewer on the busiest write); a collision would fail the insert and answer 409.
                var first = Claiming.Decide(command, null, network, KindCatalogue.Of(network), now.InUtc().Date, now);
                session.Events.StartStream<Contribution>(id,
                    await new PersonalFields(session, http.RequestAborted).Seal(first));
            }
            else
            {
                var stream = await session.Events.FetchForWriting<Contribution>(id, http.RequestAborted);
                // A client-chosen id could name a stream that is not a contribution (the network's own, say).
                if (stream.Aggregate is null && stream.CurrentVersion > 0)
                    throw RuleViolation.Conflict("contribution-exists", $"The id {id} is taken; choose a new one.");
                var existing = stream.Aggregate is { } c ? await Opened(session, c, http.RequestAborted) : null;
                var events = Claiming.Decide(
                    command, existing, network, KindCatalogue.Of(network), now.InUtc().Date, now);
                stream.AppendMany(await new PersonalFields(session, http.RequestAborted).Seal(events));
            }
            return Outcome.Created($"/networks/{networkId}/contributions/{id}", new ContributionSubmittedResponse(id));
        });

    /// <summary>
    /// The contribution with its first claim's text opened, for the decision that compares a retried submission
    /// with it (the stream keeps the text sealed).
    /// </summary>
    private static async Task<Contribution> Opened(
        IQuerySession session, Contribution c, CancellationToken cancellation)
    {
        var texts = await Unsealed.For(session, [c.Submitted.Description, c.Submitted.EvidenceUrl], cancellation);
        return c with
        {
            Submitted = c.Submitted with
            {
                Description = texts.Text(c.Submitted.Description)!, EvidenceUrl = texts.Text(c.Submitted.EvidenceUrl),
            },
        };
    }

    /// <summary>
    /// The client may choose the id so that a retry can be recognised; otherwise the server does. Version-5
    /// UUIDs are refused: OpenValue derives its pool and payout ids that way, and a claim must not take one.
    /// </summary>
    private static Guid ChosenId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return Guid.CreateVersion7();
        return Guid.TryParse(id,
            out var chosen) && chosen != Guid.Empty && !Domain.Treasury.DerivedIds.LooksDerived(chosen)
            ? chosen
            : throw RuleViolation.Invalid("id",
                "'id' must be a UUID (not version 5) such as 0197a000-0000-7000-8000-000000000001, or left out.");
    }
}
