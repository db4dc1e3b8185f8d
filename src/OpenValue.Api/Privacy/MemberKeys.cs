using Marten;
using Npgsql;
using OpenValue.Domain.Networks;
using Weasel.Postgresql.Tables;

namespace OpenValue.Api.Privacy;

/// <summary>
/// Each member's data key, one row per (network, member) in <c>ov_member_keys</c>, a table apart from the
/// events: the app's runtime role may update it, which it may never do to an event. A key is made the first
/// time something of the member's is sealed. Erasure sets the key to null and records when: the row stays, so
/// no new key is ever made for an erased member, and everything sealed under the old one stays unreadable.
/// </summary>
public static class MemberKeys
{
    public static string Table(IDocumentStore store) => $"{store.Options.DatabaseSchemaName}.ov_member_keys";

    public static Weasel.Core.ISchemaObject Schema(string schema)
    {
        var table = new Table($"{schema}.ov_member_keys");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("member_id").AsPrimaryKey();
        table.AddColumn("key", "bytea");
        table.AddColumn("created_at", "timestamptz").NotNull();
        table.AddColumn("erased_at", "timestamptz");
        return table;
    }

    /// <summary>
    /// A chain head a distribution recorded that <see cref="PersonalDataUpgrade"/> replaced when it sealed the
    /// events below it: the old head (as exports carry it) beside the new, so both stay checkable.
    /// </summary>
    public static Weasel.Core.ISchemaObject ResealSchema(string schema)
    {
        var table = new Table($"{schema}.ov_chain_reseals");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("distribution_id").AsPrimaryKey();
        table.AddColumn<long>("sequence").NotNull();
        table.AddColumn("old_head", "bytea").NotNull().AsPrimaryKey();
        table.AddColumn("new_head", "bytea").NotNull();
        table.AddColumn("resealed_at", "timestamptz").NotNull();
        return table;
    }

    /// <summary>
    /// The member's key, made now when they have none. Made in a statement of its own, committed at once: two
    /// requests sealing for the same new member at the same moment both get the one key that was stored, and a
    /// request that fails afterwards leaves only an unused key behind. An erased member's is refused (409).
    /// </summary>
    public static async Task<byte[]> ForSealing(IQuerySession session, Guid memberId, CancellationToken cancellation)
    {
        var table = Table(session.DocumentStore);
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"""
            with added as (insert into {table} (tenant_id, member_id, key, created_at) values ($1, $2, $3, now())
                            on conflict (tenant_id, member_id) do nothing returning key)
            select key from added
            union all select key from {table} where tenant_id = $1 and member_id = $2
            limit 1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = memberId });
        command.Parameters.Add(new NpgsqlParameter { Value = SealedText.NewKey() });
        return await command.ExecuteScalarAsync(cancellation) as byte[] ?? throw PayoutDetails.Erased(memberId);
    }

    /// <summary>The keys of these members that exist and are not erased.</summary>
    public static async Task<IReadOnlyDictionary<Guid, byte[]>> Load(
        IQuerySession session, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellation)
    {
        var keys = new Dictionary<Guid, byte[]>(memberIds.Count);
        if (memberIds.Count == 0)
            return keys;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select member_id, key from {Table(session.DocumentStore)} " +
            "where tenant_id = $1 and member_id = any($2) and key is not null", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = memberIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            keys[reader.GetGuid(0)] = reader.GetFieldValue<byte[]>(1);
        return keys;
    }

    /// <summary>
    /// Destroys the member's key in the session's transaction, so it goes if and only if the erasure's event is
    /// stored. A member who never had a key gets an erased row, so none is made for them later.
    /// </summary>
    public static void Shred(IDocumentSession session, Guid memberId) =>
        session.QueueSqlCommand(
            $"insert into {Table(session.DocumentStore)} (tenant_id, member_id, key, created_at, erased_at) " +
            "values (?, ?, null, now(), now()) on conflict (tenant_id, member_id) do update set key = null, " +
            "erased_at = now()", session.TenantId, memberId);
}
