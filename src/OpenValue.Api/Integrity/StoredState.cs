using JasperFx.Events;
using Marten;
using OpenValue.Domain;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// What a decision that moves money checks before it trusts a stored write model (a pool, a distribution):
/// that the document is what its stream's events fold to, and that those events still match their chain.
/// Otherwise it refuses with <see cref="Code"/> (409) and <see cref="AlarmMiddleware"/> raises the alarm.
/// </summary>
public static class StoredState
{
    public const string Code = "stored-state-differs";

    public static async Task Check<T>(IDocumentSession session, IEventStream<T> stream, string name, Func<T?, object,
        T?> evolve,
        CancellationToken cancellation) where T : class
    {
        if (stream.Aggregate is null) return;
        var serializer = session.DocumentStore.Options.Serializer();
        var read = stream.StartingVersion ?? stream.CurrentVersion ?? 0;
        if (await Folded(session, stream.Id, read, evolve, cancellation) is { } folded
            && folded == serializer.ToJson(stream.Aggregate) && await BrokenEvents(session, stream.Id, read,
                cancellation) == 0)
            return;
        // A write that committed between reading the document and reading its events is a race, not a forgery:
        // the save would lose it anyway, so it fails the same way (409, or the idempotent replay of the winner).
        await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
        var now = await fresh.Events.FetchStreamStateAsync(stream.Id, cancellation);
        if (now is not null && now.Version != read)
            throw new JasperFx.Events.EventStreamUnexpectedMaxEventIdException(stream.Id, typeof(T), read, now.Version);
        throw Differs(name, stream.Id);
    }

    /// <summary>
    /// The same check for a write model a decision loaded as a document rather than for writing (the network:
    /// its treasurers and treasury policy decide who may move money and whether a second approval is needed).
    /// Folds the whole stream as it stands. When the stored document changed since it was loaded and now agrees
    /// with its events, a write committed in between: a race, which fails as lost races do.
    /// </summary>
    public static async Task CheckLoaded<T>(IDocumentSession session, Guid id, T? document, string name,
        Func<T?, object, T?> evolve, CancellationToken cancellation) where T : class
    {
        if (document is null) return;
        var serializer = session.DocumentStore.Options.Serializer();
        var read = serializer.ToJson(document);
        var state = await session.Events.FetchStreamStateAsync(id, cancellation);
        var folded = state is null ? null : await Folded(session, id, state.Version, evolve, cancellation);
        // Compared field by field, as verify does: a document read back from jsonb has its keys in jsonb's order.
        if (folded is not null && JsonDifference.First(read, folded) is null
            && await BrokenEvents(session, id, state!.Version, cancellation) == 0)
            return;
        await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
        if (await fresh.LoadAsync<T>(id, cancellation) is { } stored && serializer.ToJson(stored) != read)
            throw new JasperFx.Events.EventStreamUnexpectedMaxEventIdException(id, typeof(T), state?.Version ?? 0,
                state?.Version ?? 0);
        throw Differs(name, id);
    }

    private static RuleViolation Differs(string name, Guid id) => RuleViolation.Conflict(Code,
        $"The stored {name} {id} disagrees with its events, so no money moves. " +
        "A steward or treasurer can see what differs at GET /networks/{networkId}/integrity.");

    /// <summary>
    /// The stream folded up to the version the document was read at; null when its events no longer read as their
    /// types.
    /// </summary>
    private static async Task<string?> Folded<T>(IDocumentSession session, Guid id, long version, Func<T?, object,
        T?> evolve,
        CancellationToken cancellation) where T : class
    {
        try
        {
            var events = await session.Events.FetchStreamAsync(id, version, token: cancellation);
            return events.Aggregate((T?)null, (state, e) => evolve(state, e.Data)) is { } f
                ? session.DocumentStore.Options.Serializer().ToJson(f)
                : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<long> BrokenEvents(IDocumentSession session, Guid streamId, long version,
        CancellationToken cancellation)
    {
        var (db, schema) = (ChainAnchors.Db(session), session.DocumentStore.Options.DatabaseSchemaName);
        // The stream's newest events may not be hashed yet: hash them now rather than wait for the keeper.
        await ChainKeeper.ChainStream(db, schema, session.TenantId, streamId, cancellation);
        var sql = SqlResource.Load("verify_stream.sql", schema);
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", session.TenantId);
        command.Parameters.AddWithValue("stream", streamId);
        command.Parameters.AddWithValue("version", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
