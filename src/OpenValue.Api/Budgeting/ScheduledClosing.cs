using JasperFx.Events;
using Marten;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Budgeting;
using Wolverine;

namespace OpenValue.Api.Budgeting;

/// <summary>The message that closes a round at the end of its window.</summary>
public sealed record CloseRoundAtWindowEnd(Guid NetworkId, Guid RoundId);

public static class ScheduledClosing
{
    /// <summary>
    /// Schedules the closing through the request's Wolverine context, whose outbox the request's Marten session is
    /// enlisted in: the message is stored (durably, in PostgreSQL) in the transaction that opens the round, or not at
    /// all, and waits there across restarts until the window ends.
    /// </summary>
    public static Task Schedule(IMessageBus bus, Guid networkId, RoundOpened opened) =>
        bus.ScheduleAsync(new CloseRoundAtWindowEnd(networkId, opened.RoundId), opened.ClosesAt.ToDateTimeOffset())
            .AsTask();

    /// <summary>
    /// Decides the closing and appends it to both streams (the round's and its pool's, each at the version read),
    /// with the network's chain head recorded for the payouts export. Returns the round as it is after.
    /// </summary>
    public static async Task<Round> Apply(
        IDocumentSession session, IEventStream<Round> stream, Guid? closedBy, Instant now,
            CancellationToken cancellation)
    {
        if (Closing.Decide(new CloseRound(closedBy), stream.Aggregate!, now) is not var (closed, settled))
            return stream.Aggregate!;
        stream.AppendOne(closed);
        (await PoolStreams.Fetch(session, settled.PoolId, cancellation)).AppendOne(settled);
        await Integrity.ChainAnchors.Record(session, stream.Id, cancellation);
        return Round.Evolve(stream.Aggregate, closed)!;
    }
}

/// <summary>
/// Runs the scheduled closing. A treasurer who closed the round first, or a round already closed, makes it a no-op;
/// losing a race to a concurrent write (a last funding, a treasurer's closing) makes it try again on the new version.
/// </summary>
public static class CloseRoundAtWindowEndHandler
{
    private const int Attempts = 3;

    public static async Task Handle(
        CloseRoundAtWindowEnd message, IDocumentStore store, IClock clock, ILogger<CloseRoundAtWindowEnd> logger,
        CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(message.NetworkId.ToString());
            try
            {
                var stream = await RoundStreams.FetchExisting(session, message.RoundId, cancellation);
                var round = await ScheduledClosing.Apply(session, stream, null, clock.GetCurrentInstant(),
                    cancellation);
                await session.SaveChangesAsync(cancellation);
                logger.LogInformation("Scheduled closing of round {RoundId}: the round is {Status}", message.RoundId,
                    round.Status);
                return;
            }
            catch (Exception e) when (attempt < Attempts && ProblemsMiddleware.IsConcurrencyFailure(e))
            {
                logger.LogInformation("Scheduled closing of round {RoundId} raced another write; trying again",
                    message.RoundId);
            }
        }
    }
}
