using Marten;
using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// A distribution records the network's chain head when it is proposed, so that anyone holding its
/// response or its payouts.csv can later ask whether the history it was computed from is still the one on
/// the chain (verify re-folds the chain and compares every recorded head). The head is folded up to where the
/// chain keeper has come (every event below it is hashed), from the network's previous anchor on.
/// </summary>
public static class ChainAnchors
{
    /// <summary>
    /// Folds the head and queues its row in the session, so it commits with the proposal or not at all.
    /// </summary>
    public static async Task<ChainHead> Record(IDocumentSession session, Guid distributionId,
        CancellationToken cancellation)
    {
        var (db, schema, tenant) = (Db(session), session.DocumentStore.Options.DatabaseSchemaName, session.TenantId);
        var heads = new ChainHeads(db, schema);
        var latest = await Read(db, SqlResource.Load("anchor_latest.sql", schema), tenant, null, cancellation)
            ?? ChainHeads.Empty;
        // One step of the chain keeper first, so the head takes in what committed a moment ago.
        await ChainKeeper.Advance(db, schema, cancellation);
        var chained = await ChainKeeper.ChainedThrough(db, schema, cancellation);
        var head = await heads.Fold(tenant, latest, Math.Max(latest.Sequence, chained), cancellation);
        session.QueueSqlCommand(SqlResource.Load("anchor_insert.sql", schema),
            tenant, distributionId, head.Sequence, head.Events, Convert.FromHexString(head.Hash));
        return head;
    }

    /// <summary>The head a distribution recorded; null for one proposed before distributions recorded heads.</summary>
    public static Task<ChainHead?> Of(IQuerySession session, Guid distributionId, CancellationToken cancellation) =>
        Read(Db(session), SqlResource.Load("anchor_of.sql", session.DocumentStore.Options.DatabaseSchemaName),
            session.TenantId,
            distributionId, cancellation);

    private static async Task<ChainHead?> Read(
        NpgsqlDataSource db, string sql, string tenant, Guid? distributionId, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenant);
        if (distributionId is { } id) command.Parameters.AddWithValue("distribution", id);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation)
            ? new ChainHead(reader.GetInt64(0), reader.GetInt64(1),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2)))
            : null;
    }

    internal static NpgsqlDataSource Db(IQuerySession session) => Db(session.DocumentStore);

    internal static NpgsqlDataSource Db(IDocumentStore store) =>
        ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource;
}
