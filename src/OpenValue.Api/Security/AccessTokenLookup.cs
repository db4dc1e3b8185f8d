using Marten;
using Npgsql;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Members;

namespace OpenValue.Api.Security;

/// <summary>A bearer token's record and its member's view, read with <c>Sql/caller_by_token.sql</c>.</summary>
public sealed class AccessTokenLookup(IDocumentStore store)
{
    private readonly string statement = SqlResource.Statement("caller_by_token.sql", store.Options.DatabaseSchemaName);

    /// <summary>Nulls when no token has this hash; a null member when the token's member view is gone.</summary>
    public async Task<(AccessToken? Access, MemberView? Member)> Find(string hash, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(statement, connection) { Parameters = { new() { Value = hash } } };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellation);
        if (!await reader.ReadAsync(cancellation))
            return (null, null);
        var serializer = store.Options.Serializer();
        var access = serializer.FromJson<AccessToken>(reader, 0);
        var member = await reader.IsDBNullAsync(1, cancellation) ? null : serializer.FromJson<MemberView>(reader, 1);
        return (access, member);
    }
}
