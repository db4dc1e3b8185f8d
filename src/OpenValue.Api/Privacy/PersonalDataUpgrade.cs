using System.Text.Json.Nodes;
using Marten;
using Marten.Schema;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Integrity;

namespace OpenValue.Api.Privacy;

/// <summary>What the upgrade did to one network.</summary>
public sealed record SealingResult(string Tenant, int EventsSealed, int AnchorsResealed, string? Skipped = null);

/// <summary>
/// Seals the personal fields of events stored before sealing existed, once per database, as the schema's owner
/// (at startup when the app applies the schema, or under <c>migrate</c>): the app's runtime role can never
/// update an event. Per network: it first verifies the network (a network that does not verify is left as it
/// is and reported, so the upgrade never re-chains over tampering), then rewrites each plaintext field as the
/// sealed text under its owner's key, recomputes the hashes of those streams from the first rewritten event on,
/// stores the documents and activity entries folded again from the rewritten events, and re-folds the chain
/// heads its distributions recorded: each head that changed is kept, old and new, in
/// <c>ov_chain_reseals</c> before the anchor takes the new one. Finally it verifies the network again.
/// </summary>
public sealed class PersonalDataUpgrade : IInitialData
{
    public const string Id = "2026-12 personal data sealed";

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StoreUpgrade>(Id, cancellation) is not null)
            return;
        foreach (var tenant in await Tenants(store, cancellation))
            if (await Run(store, tenant, cancellation) is { Skipped: { } why } result)
                Console.Error.WriteLine($"personal data: network {result.Tenant} left unsealed: {why}");
        session.Store(new StoreUpgrade(Id, SystemClock.Instance.GetCurrentInstant()));
        await session.SaveChangesAsync(cancellation);
    }

    private static string[] TypeNames(IDocumentStore store) =>
        [.. PersonalFields.Stored.Select(f => TypeName(store, f.Event))];

    /// <summary>
    /// The name Marten stores an event type under (mt_events.type): its class name in snake case, Marten's default.
    /// </summary>
    private static string TypeName(IDocumentStore store, Type eventType) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(eventType.Name);

    private static async Task<IReadOnlyList<string>> Tenants(IDocumentStore store, CancellationToken cancellation)
    {
        await using var command = ChainAnchors.Db(store).CreateCommand(
            $"select distinct tenant_id from {store.Options.DatabaseSchemaName}.mt_events where type = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = TypeNames(store) });
        var tenants = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            tenants.Add(reader.GetString(0));
        return tenants;
    }

    public static async Task<SealingResult> Run(IDocumentStore store, string tenant, CancellationToken cancellation)
    {
        var rows = await Plaintext(store, tenant, cancellation);
        if (rows.Count == 0)
            return new SealingResult(tenant, 0, 0);
        var verifier = new Verifier(store);
        var networkId = Guid.Parse(tenant);
        if ((await verifier.Verify(networkId, null, cancellation)) is { Intact: false } broken)
            return new SealingResult(tenant, 0, 0, $"it does not verify ({broken.FirstBreak?.What})");

        await using (var query = store.QuerySession(tenant))
        {
            var fields = new PersonalFields(query, cancellation);
            foreach (var row in rows)
                await row.Seal(fields);
        }
        var db = ChainAnchors.Db(store);
        var schema = store.Options.DatabaseSchemaName;
        await using (var connection = await db.OpenConnectionAsync(cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(cancellation))
        {
            // The chain keeper's lock (chain.sql), so no keeper hashes an event's old text while it is rewritten.
            await using (var keeper = new NpgsqlCommand($"select pg_advisory_xact_lock({ChainKeeper.Lock})",
                             connection))
                await keeper.ExecuteNonQueryAsync(cancellation);
            foreach (var row in rows)
                await row.Update(connection, schema, cancellation);
            foreach (var stream in rows.GroupBy(r => r.Stream))
                await Rechain(connection, schema, tenant, stream.Key, stream.Min(r => r.Version), cancellation);
            await transaction.CommitAsync(cancellation);
        }
        await Refold(store, tenant, rows.Select(r => r.Sequence).ToHashSet(), cancellation);
        var resealed = await Reanchor(store, tenant, cancellation);
        var after = await verifier.Verify(networkId, null, cancellation);
        return after.Intact
            ? new SealingResult(tenant, rows.Count, resealed)
            : throw new InvalidOperationException(
                $"Network {tenant} no longer verifies after sealing: {after.FirstBreak?.What}");
    }

    private static async Task<List<PlainRow>> Plaintext(
        IDocumentStore store, string tenant, CancellationToken cancellation)
    {
        var byType = PersonalFields.Stored.ToDictionary(f => TypeName(store, f.Event));
        await using var command = ChainAnchors.Db(store).CreateCommand(
            $"select seq_id, stream_id, version, type, data::text from {store.Options.DatabaseSchemaName}.mt_events " +
            "where tenant_id = $1 and type = any($2) order by seq_id");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = TypeNames(store) });
        var rows = new List<PlainRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var (owner, names) = (byType[reader.GetString(3)].Owner, byType[reader.GetString(3)].Fields);
            var data = JsonNode.Parse(reader.GetString(4))!.AsObject();
            if (names.Any(n => data[n] is JsonValue v && v.TryGetValue<string>(out var s) && !SealedText.IsSealed(s)))
                rows.Add(new PlainRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), data, owner, names));
        }
        return rows;
    }

    private sealed record PlainRow(
        long Sequence, Guid Stream, long Version, JsonObject Data, string Owner, string[] Fields)
    {
        public async Task Seal(PersonalFields fields)
        {
            var owner = Guid.Parse(Data[Owner]!.GetValue<string>());
            foreach (var name in Fields)
                if (Data[name] is JsonValue v && v.TryGetValue<string>(out var text) && !SealedText.IsSealed(text))
                    Data[name] = await fields.SealStored(owner, text);
        }

        public async Task Update(NpgsqlConnection connection, string schema, CancellationToken cancellation)
        {
            await using var command = new NpgsqlCommand($"update {schema}.mt_events set data = $1 where seq_id = $2",
                connection);
            command.Parameters.Add(
                new NpgsqlParameter { Value = Data.ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter { Value = Sequence });
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }

    /// <summary>
    /// Each hash from <paramref name="from"/> to the stream's end, in order: each covers the one before.
    /// </summary>
    private static async Task Rechain(
        NpgsqlConnection connection, string schema, string tenant, Guid stream, long from,
        CancellationToken cancellation)
    {
        await using var last = new NpgsqlCommand(
            $"select max(version) from {schema}.ov_event_hashes where tenant_id = $1 and stream_id = $2", connection);
        last.Parameters.Add(new NpgsqlParameter { Value = tenant });
        last.Parameters.Add(new NpgsqlParameter { Value = stream });
        var to = Convert.ToInt64(await last.ExecuteScalarAsync(cancellation));
        var sql = SqlResource.Load("rechain_event.sql", schema);
        for (var version = from; version <= to; version++)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("tenant", tenant);
            command.Parameters.AddWithValue("stream", stream);
            command.Parameters.AddWithValue("version", version);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }

    /// <summary>
    /// The network's documents and the activity entries of the rewritten events, folded again from its events with
    /// the projections' own folds (the network verified before, so this rewrites only what sealing changed).
    /// </summary>
    private static async Task Refold(IDocumentStore store, string tenant, HashSet<long> sealedSequences,
        CancellationToken cancellation)
    {
        var folds = new Folds();
        var entries = new List<Activity.ActivityEntry>();
        await using (var query = store.QuerySession(tenant))
        {
            var last = 0L;
            while (true)
            {
                var page = await query.Events.QueryAllRawEvents().Where(e => e.Sequence > last).OrderBy(e => e.Sequence)
                    .Take(5_000).ToListAsync(cancellation);
                foreach (var e in page)
                {
                    folds.Add(e);
                    if (sealedSequences.Contains(e.Sequence) && Activity.ActivityFacts.Describe(e.Data) is { } fact)
                        entries.Add(Activity.ActivityProjection.From(e, fact));
                }
                if (page.Count < 5_000) break;
                last = page[^1].Sequence;
            }
        }
        await using var write = store.LightweightSession(tenant);
        write.Store(folds.Members.Values.ToArray());
        write.Store(folds.ContributionViews.Values.ToArray());
        write.Store(folds.IncomeViews.Values.ToArray());
        if (entries.Count > 0) write.Store(entries.ToArray());
        await write.SaveChangesAsync(cancellation);
    }

    /// <summary>Each recorded head re-folded; one that changed is kept in ov_chain_reseals, then replaced.</summary>
    private static async Task<int> Reanchor(IDocumentStore store, string tenant, CancellationToken cancellation)
    {
        var (db, schema) = (ChainAnchors.Db(store), store.Options.DatabaseSchemaName);
        var heads = new ChainHeads(db, schema);
        var (head, resealed) = (ChainHeads.Empty, 0);
        var anchors = await heads.Anchors(tenant, cancellation);
        foreach (var (distribution, recorded) in anchors.OrderBy(a => a.Head.Sequence))
        {
            head = await heads.Fold(tenant, head, recorded.Sequence, cancellation);
            if (head.Hash == recorded.Hash) continue;
            await using var command = db.CreateCommand($"""
                insert into {schema}.ov_chain_reseals
                       (tenant_id, distribution_id, sequence, old_head, new_head, resealed_at)
                values ($1, $2, $3, $4, $5, now());
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = tenant });
            command.Parameters.Add(new NpgsqlParameter { Value = distribution });
            command.Parameters.Add(new NpgsqlParameter { Value = recorded.Sequence });
            command.Parameters.Add(new NpgsqlParameter { Value = Convert.FromHexString(recorded.Hash) });
            command.Parameters.Add(new NpgsqlParameter { Value = Convert.FromHexString(head.Hash) });
            await command.ExecuteNonQueryAsync(cancellation);
            await using var update = db.CreateCommand(
                $"update {schema}.ov_chain_anchors set head = $1 where tenant_id = $2 and distribution_id = $3");
            update.Parameters.Add(new NpgsqlParameter { Value = Convert.FromHexString(head.Hash) });
            update.Parameters.Add(new NpgsqlParameter { Value = tenant });
            update.Parameters.Add(new NpgsqlParameter { Value = distribution });
            await update.ExecuteNonQueryAsync(cancellation);
            resealed++;
        }
        return resealed;
    }
}
