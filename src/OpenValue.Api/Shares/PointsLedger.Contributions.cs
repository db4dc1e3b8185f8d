using Marten;
using NodaTime;
using Npgsql;

namespace OpenValue.Api.Shares;

/// <summary>
/// One contribution's points in a scope as of a moment, and when it was accepted (what decay counts from).
/// </summary>
public sealed record ContributionPoints(Guid ContributionId, Guid MemberId, string Kind, decimal Points,
    Instant AcceptedAt);

public static partial class PointsLedger
{
    /// <summary>
    /// Each contribution's points counting only entries in (<paramref name="after"/>, <paramref name="asOf"/>]
    /// (no lower bound when <paramref name="after"/> is null), for the network or one project, of every member
    /// or of <paramref name="memberId"/> only. This reads
    /// every entry in range — O(entries), unlike <see cref="TallyAsOf"/> — and is what decay needs, since a
    /// decayed total depends on each contribution's age.
    /// </summary>
    public static async Task<IReadOnlyList<ContributionPoints>> ContributionsAsOf(
        IDocumentStore store, string tenantId, Guid? projectId, Instant? after, Instant asOf,
        CancellationToken cancellation, Guid? memberId = null)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(Sql(store, "ledger_contributions_as_of.sql"), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        command.Parameters.Add(new NpgsqlParameter { Value = after.HasValue ? after.Value : DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)projectId ?? DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = (object?)memberId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid,
        });

        var result = new List<ContributionPoints>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            result.Add(new ContributionPoints(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2),
                reader.GetDecimal(3), reader.GetFieldValue<Instant>(4)));
        return result;
    }
}
