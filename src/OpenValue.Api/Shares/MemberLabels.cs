using System.Text;
using Marten;
using Npgsql;
using OpenValue.Api.Networks.Members;
using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Shares;

/// <summary>What a share line shows of a member besides points: name and stakeholder class.</summary>
/// <param name="Classes">The class over time when it ever changed (<see cref="ClassHistory"/>), else null.</param>
public sealed record MemberLabel(
    Guid Id, string Name, StakeholderClass StakeholderClass, IReadOnlyList<ClassPeriod>? Classes = null)
{
    /// <summary>The class in force at <paramref name="at"/>.</summary>
    public StakeholderClass ClassAt(Instant at) =>
        Classes is { } history ? ClassHistory.At(history, at) : StakeholderClass;
}

internal static class MemberLabels
{
    /// <summary>
    /// Names and classes of the given members, or of all when <paramref name="ids"/> is null: four fields of
    /// <see cref="MemberView"/> by plain SQL on its table, filtered by this session's tenant (a Marten LINQ
    /// Select builds a JSON object per row and deserialises it: 5x the database time at 10,000 members).
    /// </summary>
    /// <param name="expected">How many labels the caller expects (sizes the dictionary once: at 100,000 members its
    /// regrowth was a third of a proposal's allocations).</param>
    public static async Task<IReadOnlyDictionary<Guid, MemberLabel>> Load(
        IQuerySession session, IReadOnlyCollection<Guid>? ids, CancellationToken cancellation, int expected = 0)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(MemberView)).TableName.QualifiedName;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        // The name is sealed under the member's own key, read with it in the same row (see Privacy.SealedText).
        await using var command = new NpgsqlCommand(
            "select m.id, m.data ->> 'name', m.data -> 'stakeholderClass', " +
            "case when jsonb_array_length(m.data -> 'classes') > 1 then m.data -> 'classes' end, k.key " +
            $"from {table} m left join {Privacy.MemberKeys.Table(session.DocumentStore)} k " +
            "on k.tenant_id = m.tenant_id and k.member_id = m.id " +
            "where m.tenant_id = $1" + (ids is null ? "" : " and m.id = any($2)"), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        if (ids is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });

        var labels = new Dictionary<Guid, MemberLabel>(ids?.Count ?? expected);
        var network = Guid.Parse(session.TenantId);
        var serializer = session.DocumentStore.Options.Serializer();
        var classes = new Dictionary<string, StakeholderClass>(); // a handful of distinct values, read once each with Marten's serializer
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var json = reader.GetString(2);
            if (!classes.TryGetValue(json, out var stakeholderClass))
                classes[json] = stakeholderClass =
                    serializer.FromJson<StakeholderClass>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
            var history = await reader.IsDBNullAsync(3, cancellation)
                ? null
                : serializer.FromJson<List<ClassPeriod>>(new MemoryStream(Encoding.UTF8.GetBytes(reader.GetString(3))));
            var id = reader.GetGuid(0);
            var key = await reader.IsDBNullAsync(4, cancellation) ? null : reader.GetFieldValue<byte[]>(4);
            labels[id] = new MemberLabel(id, Name(reader.GetString(1), network, key), stakeholderClass, history);
        }
        return labels;
    }

    /// <summary>
    /// The name opened; "erased member" once the key is gone. A name stored before sealing reads as it is.
    /// </summary>
    private static string Name(string stored, Guid network, byte[]? key) =>
        !Privacy.SealedText.IsSealed(stored)
            ? stored
            : Privacy.SealedText.Open(stored, network, key) ?? Privacy.Unsealed.ErasedName;
}
