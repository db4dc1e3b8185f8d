using Marten;
using Microsoft.AspNetCore.Mvc;
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

public static class MakeProposalEndpoint
{
    /// <summary>
    /// Starts the proposal's stream and, in the same transaction (Wolverine's Marten outbox), schedules the
    /// durable message that closes it at its deadline.
    /// </summary>
    [WolverinePost("/networks/{networkId}/proposals"), Idempotent]
    [EndpointSummary("Propose a change")]
    [EndpointDescription(
        "A value-equation version, the review, treasury or governance policy (change: the body the direct route " +
        "takes, checked as that route checks it), or a plain decision (change: {\"text\": …}). The members now are " +
        "its eligible voters. 409 decision-type-not-allowed when decisionType is not the one the governance " +
        "policy names for the kind; 400 invalid-closesAt before the type's minimum days.")]
    [ProducesResponseType<ProposalCreatedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Propose(
        Guid networkId, ProposalRequest body, HttpContext http, IDocumentSession session, IMartenOutbox outbox) =>
        Write.Idempotent(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var network = await session.LoadAsync<Network>(networkId, cancellation);
            // Members who have left are no longer members: they get no vote.
            var members = await session.Query<MemberView>().Where(m => m.DepartedOn == null).Select(m => m.Id)
                .ToListAsync(cancellation);
            var id = body.Id ?? Guid.CreateVersion7();
            var command = new MakeProposal(id, body.Title, body.Kind, body.Change, body.DecisionType, body.ClosesAt,
                http.Caller().MemberId);
            var made = Proposing.Decide(command, network!, [.. members], now);
            // A client id already taken fails the save on the stream's key: 409.
            session.Events.StartStream<Proposal>(id, made);
            await ProposalClosing.Schedule(outbox, session, made, now);
            return Outcome.Created($"/networks/{networkId}/proposals/{id}", new ProposalCreatedResponse(id));
        });
}
