using JasperFx.Events;
using Marten;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using Wolverine;
using Wolverine.Marten;

namespace OpenValue.Api.Governance;

/// <summary>The message that closes a proposal at its deadline; scheduled when the proposal is made.</summary>
public sealed record CloseProposal(Guid NetworkId, Guid ProposalId);

public static class ProposalClosing
{
    /// <summary>
    /// Schedules the close through <paramref name="outbox"/> enrolled in <paramref name="session"/>: the envelope is
    /// stored in PostgreSQL in the same transaction as the proposal (durable local queue), so neither exists
    /// without the other and a restart does not lose it. The delay is measured on the app's clock.
    /// </summary>
    public static ValueTask Schedule(IMartenOutbox outbox, IDocumentSession session, ProposalMade made, Instant now)
    {
        outbox.Enroll(session);
        return outbox.ScheduleAsync(new CloseProposal(made.NetworkId, made.ProposalId), Until(made.ClosesAt, now));
    }

    public static TimeSpan Until(Instant at, Instant now) => at > now ? (at - now).ToTimeSpan() : TimeSpan.Zero;

    /// <summary>How long to wait before trying again when a position was stated at the same moment.</summary>
    public static readonly TimeSpan RetryAfterConflict = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Closes a proposal at its deadline: the outcome on its stream and, when it passed, its change on the network
/// stream, in one transaction. A proposal already closed (early, withdrawn, or by an earlier delivery) is left
/// alone; one not yet due (a clock behind the scheduler's) is scheduled again for its deadline.
/// </summary>
public static class CloseProposalHandler
{
    public static async Task Handle(
        CloseProposal message, IDocumentStore store, IClock clock, IMessageBus bus, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(message.NetworkId.ToString());
        var proposals = await session.Events.FetchForWriting<Proposal>(message.ProposalId, cancellation);
        if (proposals.Aggregate is not { IsOpen: true } proposal)
            return;
        var now = clock.GetCurrentInstant();
        if (now < proposal.ClosesAt)
        {
            await bus.ScheduleAsync(message, ProposalClosing.Until(proposal.ClosesAt, now));
            return;
        }
        var networks = await session.Events.FetchForWriting<Network>(message.NetworkId, cancellation);
        var decision = Proposing.CloseAtDeadline(proposal, networks.Aggregate!, now);
        proposals.AppendMany(decision.ProposalEvents);
        networks.AppendMany(decision.NetworkEvents);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception exception) when (ProblemsMiddleware.IsConcurrencyFailure(exception))
        {
            await bus.ScheduleAsync(message, ProposalClosing.RetryAfterConflict);
        }
    }
}
