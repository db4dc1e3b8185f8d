using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine.Http;
using Wolverine.Marten;

namespace OpenValue.Api.Governance;

/// <param name="Id">Optional client-chosen proposal id.</param>
/// <param name="DecisionType">Optional: the type the governance policy names for the kind (and only it).</param>
public sealed record ProposalRequest(
    string? Title, string? Kind, ChangeRequest? Change, string? ClosesAt, string? DecisionType = null, Guid? Id = null);

public static class ProposalEndpoints
{
    /// <summary>
    /// Starts the proposal's stream and, in the same transaction (Wolverine's Marten outbox), schedules the
    /// durable message that closes it at its deadline.
    /// </summary>
    [WolverinePost("/networks/{networkId}/proposals")]
    [EndpointSummary("Propose a change")]
    [EndpointDescription(
        "A value-equation version, the review, treasury or governance policy (change: the body the direct route " +
        "takes, checked as that route checks it), or a plain decision (change: {\"text\": …}). The members now are " +
        "its eligible voters. 409 decision-type-not-allowed when decisionType is not the one the governance " +
        "policy names for the kind; 400 invalid-closesAt before the type's minimum days.")]
    [ProducesResponseType<ProposalCreatedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Propose(
        Guid networkId, ProposalRequest body, HttpContext http, IDocumentSession session, IMartenOutbox outbox,
        IClock clock, Idempotency idempotency) =>
        idempotency.Once(http, session, http.Caller().IdempotencyScope, body, async () =>
        {
            var cancellation = http.RequestAborted;
            var network = await session.LoadAsync<Network>(networkId, cancellation);
            // Members who have left are no longer members: they get no vote.
            var members = await session.Query<MemberView>().Where(m => m.DepartedOn == null).Select(m => m.Id)
                .ToListAsync(cancellation);
            var now = clock.GetCurrentInstant();
            var id = body.Id ?? Guid.CreateVersion7();
            var command = new MakeProposal(id, body.Title, body.Kind, body.Change, body.DecisionType, body.ClosesAt,
                http.Caller().MemberId);
            var made = Proposing.Decide(command, network!, [.. members], now);
            // A client id already taken fails the save on the stream's key: 409.
            session.Events.StartStream<Proposal>(id, made);
            await ProposalClosing.Schedule(outbox, session, made, now);
            return Outcome.Created($"/networks/{networkId}/proposals/{id}", new ProposalCreatedResponse(id));
        });

    [WolverineGet("/networks/{networkId}/proposals")]
    [EndpointSummary("List proposals")]
    [EndpointDescription("Newest first, a page at a time, each with its counts and whether it would pass now; " +
                         "filter by status.")]
    public static async Task<ProposalPage> List(
        Guid networkId, string? status, string? page, string? pageSize, IQuerySession session, HttpContext http)
    {
        var wanted = PageRequest.Parse(page, pageSize);
        IQueryable<Proposal> query = session.Query<Proposal>();
        if (!string.IsNullOrEmpty(status))
        {
            var only = Statuses.Parse<ProposalStatus>(status, "status");
            query = query.Where(p => p.Status == only);
        }
        var proposals = await query.OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id)
            .Stats(out var stats).Skip(wanted.Skip).Take(wanted.Size).ToListAsync(http.RequestAborted);
        var departed = (await session.LoadAsync<Network>(networkId, http.RequestAborted))!.DepartedMembers();
        return new ProposalPage([.. proposals.Select(p => ProposalResponse.Summary(p, departed))], wanted.Number,
            wanted.Size, stats.TotalResults);
    }

    [WolverineGet("/networks/{networkId}/proposals/{proposalId}")]
    [EndpointSummary("Get one proposal")]
    [EndpointDescription("Its change, positions, counts, whether it would pass if it closed now and why, and its " +
                         "outcome. 404 proposal-not-found.")]
    public static async Task<ProposalResponse> Get(
        Guid networkId, Guid proposalId, IQuerySession session, HttpContext http)
    {
        var proposal = await session.LoadAsync<Proposal>(proposalId, http.RequestAborted) ?? throw ProposalResponses.NotFound(proposalId);
        var network = await session.LoadAsync<Network>(networkId, http.RequestAborted);
        return ProposalResponse.Of(proposal, network!.DepartedMembers());
    }
}
