using Marten;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace OpenValue.Api.Shares;

public static partial class PointsLedger
{
    private const string History = "ledger_history.sql";

    /// <summary>
    /// Each member's points as of each of <paramref name="moments"/> (in order): element k holds the points that
    /// count from moment k on and not before, so a running sum over k gives the points as of moment k (entries at
    /// or before it, as <see cref="TallyAsOf"/> counts them). One statement, one pass over the scope's entries up
    /// to the last moment, whatever the number of moments.
    /// </summary>
    public static async Task<List<(Guid MemberId, decimal Points)>[]> Increments(
        IDocumentStore store, string tenantId, Guid? projectId, IReadOnlyList<Instant> moments,
        CancellationToken cancellation)
    {
        var result = new List<(Guid, decimal)>[moments.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = [];
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(Sql(store, History), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        // One microsecond, PostgreSQL's resolution: "moment + 1 µs <= at" is "moment < at".
        var shifted = moments.Select(m => m + Duration.FromTicks(10)).ToArray();
        command.Parameters.Add(new NpgsqlParameter { Value = shifted });
        command.Parameters.Add(new NpgsqlParameter { Value = moments[^1] });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = (object?)projectId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid,
        });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            result[reader.GetInt32(0)].Add((reader.GetGuid(1), reader.GetDecimal(2)));
        return result;
    }
}
