using JasperFx.Events;
using Marten;
using OpenValue.Domain;

namespace OpenValue.Api.Integrity;

/// <summary>
/// What a decision that moves money checks before it trusts a stored write model (a pool, a distribution):
/// that the document is what its stream's events fold to, and that those events still match their chain.
/// Otherwise it refuses with <see cref="Code"/> (409) and <see cref="AlarmMiddleware"/> raises the alarm.
/// </summary>
public static class StoredState
{
    public const string Code = "stored-state-differs";

    public static async Task Check<T>(IDocumentSession session, IEventStream<T> stream, string name, Func<T?, object, T?> evolve,
        CancellationToken cancellation) where T : class
    {
        if (stream.Aggregate is null) return;
        var serializer = session.DocumentStore.Options.Serializer();
        string? folded;
        try
        {
            var events = await session.Events.FetchStreamAsync(stream.Id, token: cancellation);
            folded = events.Aggregate((T?)null, (state, e) => evolve(state, e.Data)) is { } f ? serializer.ToJson(f) : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            folded = null; // events that no longer read as their types cannot vouch for anything
        }
        if (folded != serializer.ToJson(stream.Aggregate) || await BrokenEvents(session, stream.Id, cancellation) > 0)
            throw RuleViolation.Conflict(Code, $"The stored {name} {stream.Id} disagrees with its events, so no money moves. " +
                "A steward or treasurer can see what differs at GET /networks/{networkId}/integrity.");
    }

    private static async Task<long> BrokenEvents(IDocumentSession session, Guid streamId, CancellationToken cancellation)
    {
        var db = ChainAnchors.Db(session);
        await using var command = db.CreateCommand(SqlResource.Load("verify_stream.sql", session.DocumentStore.Options.DatabaseSchemaName));
        command.Parameters.AddWithValue("tenant", session.TenantId);
        command.Parameters.AddWithValue("stream", streamId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
