using JasperFx.Events;
using Marten;
using Marten.Events;
using NodaTime;

namespace OpenValue.Benchmarks.Network;

/// <summary>One event of the history with its place: its stream, its version in it, and the instant it records.</summary>
public readonly record struct HistoricEvent(Guid StreamId, long Version, object Data, Instant At);

/// <summary>
/// Loads generated streams into a Marten store with its bulk APIs (both COPY, both bypass inline
/// projections): stream by stream, or every event in the order the live app would have appended it.
/// </summary>
public static class Loader
{
    public const int BatchSize = 10_000;

    /// <summary><c>BulkInsertEventsAsync</c>: each stream's events together, streams one after another.</summary>
    public static Task StreamByStream(DocumentStore store, string tenantId, IEnumerable<GeneratedStream> streams, CancellationToken ct) =>
        store.BulkInsertEventsAsync(tenantId, [.. streams.Select(s => StreamAction.Start(store.Events, s.Id, s.Events))], BatchSize, ct);

    /// <summary>
    /// Every event ordered by the instant it records (a claim when submitted, its review and acceptance days
    /// later), a stream's own events keeping their order: the global order of a live network's history.
    /// </summary>
    public static HistoricEvent[] InTimeOrder(IEnumerable<GeneratedStream> streams) =>
        [.. streams.SelectMany(s => s.Events.Select((e, i) => new HistoricEvent(s.Id, i + 1, e, RealEvents.At(e)))).OrderBy(e => e.At)];

    /// <summary>
    /// <c>BulkInsertEventStreamAsync</c>, Marten's order-preserving import: sequence numbers follow
    /// <paramref name="history"/>, so projections replay it in time order (see docs/performance.md, measurement 3).
    /// </summary>
    public static Task InOrder(DocumentStore store, string tenantId, IReadOnlyList<HistoricEvent> history, CancellationToken ct)
    {
        var headers = history.GroupBy(e => e.StreamId).Select(g => new BulkEventStreamHeader { Id = g.Key, Version = g.Max(e => e.Version) }).ToList();
        return store.BulkInsertEventStreamAsync(tenantId, headers, Events(store, history), BatchSize, ct);
    }

    private static IAsyncEnumerable<IEvent> Events(DocumentStore store, IReadOnlyList<HistoricEvent> history)
    {
        var events = (EventGraph)store.Options.Events;
        return history.Select(h =>
        {
            var e = events.BuildEvent(h.Data);
            (e.Id, e.StreamId, e.Version, e.Timestamp) = (Guid.CreateVersion7(), h.StreamId, h.Version, h.At.ToDateTimeOffset());
            return e;
        }).ToAsyncEnumerable();
    }
}
