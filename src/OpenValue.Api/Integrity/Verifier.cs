using JasperFx.Events;
using Marten;
using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Checks one network: its chain (every event against its hash and its stream), the chain heads its
/// distributions recorded, and every stored document and ledger row against what its events make.
/// </summary>
public sealed class Verifier(IDocumentStore store)
{
    private const int MaxBreaks = 100;
    private const int FoldPage = 5_000;

    private NpgsqlDataSource Db => ChainAnchors.Db(store);
    private string Schema => store.Options.DatabaseSchemaName;

    public async Task<IntegrityReport> Verify(Guid networkId, Action<IntegrityProgress>? progress,
        CancellationToken cancellation)
    {
        var tenant = networkId.ToString();
        var breaks = new List<IntegrityBreak>();
        void Found(IntegrityBreak b) { if (breaks.Count < MaxBreaks) breaks.Add(b); }
        var total = await Count(tenant, cancellation);
        var chained = await ChainKeeper.ChainVisible(Db, Schema, cancellation);
        var walk = new ChainWalk(Db, Schema, chained);
        var events = await walk.Events(tenant, Found, n => progress?.Invoke(new("chain", n, total)), cancellation);
        await walk.Missing(tenant, Found, cancellation);
        var eventBreaks = breaks.Count;
        var (head, anchors) = await Anchors(tenant, chained, Found, cancellation);

        await using var session = store.QuerySession(tenant);
        var (documents, ledger) = (0, 0);
        if (await Fold(session, total, progress, Found, cancellation) is { } folds)
        {
            documents = await new DocumentCheck(store.Options.Serializer()).Run(session, folds, Found, cancellation);
            ledger = await new LedgerCheck(Db, Schema).Run(tenant, folds, Found, cancellation);
        }
        // The events' breaks first, earliest sequence first (the most precise); then the recorded heads', the
        // documents' and the ledger's, in the order checked.
        var first = breaks.Take(eventBreaks).OrderBy(b => b.Sequence ?? long.MaxValue).Concat(breaks.Skip(eventBreaks))
            .FirstOrDefault();
        return new IntegrityReport(networkId, breaks.Count == 0, head, events, anchors, documents, ledger, first,
            breaks);
    }

    /// <summary>Folds the whole chain once, checking each recorded head where the chain passes its sequence.</summary>
    private async Task<(ChainHead Head, int Anchors)> Anchors(
        string tenant, long chained, Action<IntegrityBreak> found, CancellationToken cancellation)
    {
        var heads = new ChainHeads(Db, Schema);
        var anchors = await heads.Anchors(tenant, cancellation);
        var pending = new Queue<(Guid DistributionId, ChainHead Head)>(anchors);
        void Check(ChainHead soFar, long next)
        {
            while (pending.Count > 0 && pending.Peek().Head.Sequence < next)
            {
                var (distribution, recorded) = pending.Dequeue();
                if (recorded.Events != soFar.Events || recorded.Hash != soFar.Hash)
                    found(new IntegrityBreak("anchor", $"The chain head distribution {distribution} recorded " +
                        $"(after {recorded.Events} events, sequence {recorded.Sequence}) is no longer on the chain: " +
                        "events before it were changed, removed or added.",
                        distribution, Sequence: recorded.Sequence, Document: $"Distribution {distribution}"));
            }
        }
        var head = await heads.Fold(tenant, ChainHeads.Empty, chained, cancellation, Check);
        Check(head, long.MaxValue);
        return (head, anchors.Count);
    }

    private async Task<Folds?> Fold(IQuerySession session, long total, Action<IntegrityProgress>? progress,
        Action<IntegrityBreak> found,
        CancellationToken cancellation)
    {
        var (folds, last, done) = (new Folds(), 0L, 0L);
        try
        {
            while (true)
            {
                var page = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > last).OrderBy(e =>
                    e.Sequence)
                    .Take(FoldPage).ToListAsync(cancellation);
                foreach (var e in page) folds.Add(e);
                (last, done) = (page.Count > 0 ? page[^1].Sequence : last, done + page.Count);
                progress?.Invoke(new IntegrityProgress("documents", done, total));
                if (page.Count < FoldPage) return folds;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            found(new IntegrityBreak("event", $"Events after sequence {last} can no longer be read as their types " +
                $"({exception.GetType().Name}), so the documents were not recomputed.", Sequence: last));
            return null;
        }
    }

    private async Task<long> Count(string tenant, CancellationToken cancellation)
    {
        await using var command = Db.CreateCommand(SqlResource.Load("event_count.sql", Schema));
        command.Parameters.AddWithValue("tenant", tenant);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }
}
