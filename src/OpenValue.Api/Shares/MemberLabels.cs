using System.Text;
using Marten;
using Npgsql;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Shares;

/// <summary>What a share line shows of a member besides points: name and stakeholder class.</summary>
public sealed record MemberLabel(Guid Id, string Name, StakeholderClass StakeholderClass);

internal static class MemberLabels
{
    /// <summary>
    /// Names and classes of the given members, or of all when <paramref name="ids"/> is null: three fields of
    /// <see cref="MemberView"/> by plain SQL on its table, filtered by this session's tenant (a Marten LINQ
    /// Select builds a JSON object per row and deserialises it: 5x the database time at 10,000 members).
    /// </summary>
    /// <param name="expected">How many labels the caller expects (sizes the dictionary once: at 100,000 members its regrowth was a third of a proposal's allocations).</param>
    public static async Task<IReadOnlyDictionary<Guid, MemberLabel>> Load(
        IQuerySession session, IReadOnlyCollection<Guid>? ids, CancellationToken cancellation, int expected = 0)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(MemberView)).TableName.QualifiedName;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select id, data ->> 'name', data -> 'stakeholderClass' from {table} where tenant_id = $1" + (ids is null ? "" : " and id = any($2)"), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        if (ids is not null)
            command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });

        var labels = new Dictionary<Guid, MemberLabel>(ids?.Count ?? expected);
        var classes = new Dictionary<string, StakeholderClass>(); // a handful of distinct values, read once each with Marten's serializer
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var json = reader.GetString(2);
            if (!classes.TryGetValue(json, out var stakeholderClass))
                classes[json] = stakeholderClass = session.DocumentStore.Options.Serializer().FromJson<StakeholderClass>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
            labels[reader.GetGuid(0)] = new MemberLabel(reader.GetGuid(0), reader.GetString(1), stakeholderClass);
        }
        return labels;
    }
}
