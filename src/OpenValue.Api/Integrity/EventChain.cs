using Marten;
using Marten.Schema;
using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Runs at startup, after Marten has applied the schema: makes sure every event is hash-chained
/// (Sql/chain.sql: the hash table, the functions the <see cref="ChainKeeper"/> calls, and the chaining of events
/// stored before them). On a database already chained it is one catalogue lookup, so the app's runtime role, which may
/// not change the schema, passes it once the owner has applied the schema.
/// </summary>
public sealed class EventChain : IInitialData
{
    /// <summary>
    /// The version chain.sql writes as its progress table's comment; a change to chain.sql takes a new one.
    /// </summary>
    public const string Version = "chain.sql 6";

    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        Apply(store.Storage.Database.CreateConnection(), store.Options.DatabaseSchemaName, cancellation);

    /// <summary>
    /// The same step for a store that is not hosted (the benchmarks), on a connection it then disposes.
    /// </summary>
    public static async Task Apply(NpgsqlConnection connection, string schema, CancellationToken cancellation)
    {
        await using (connection)
        {
            if (connection.State != System.Data.ConnectionState.Open)
                await connection.OpenAsync(cancellation);
            if (await InstalledVersion(connection, schema, cancellation) == Version)
                return;
            await using var command = new NpgsqlCommand(SqlResource.Load("chain.sql", schema), connection);
            command.CommandTimeout = 0; // chaining a large existing history takes as long as it takes, once
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }

    private static async Task<string?> InstalledVersion(NpgsqlConnection connection, string schema,
        CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select obj_description(to_regclass($1), 'pg_class')", connection);
        command.Parameters.AddWithValue($"{schema}.ov_chain_progress");
        return await command.ExecuteScalarAsync(cancellation) as string;
    }
}
