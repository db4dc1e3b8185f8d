using System.Collections.Concurrent;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Shares;

/// <summary>
/// The statements the ledger sends, each a file in <c>Sql/</c> whose header comment says what it does and why,
/// read once per schema (the store's <c>DatabaseSchemaName</c> stands for <c>SCHEMA</c> in the file).
/// </summary>
internal static class LedgerSql
{
    private static readonly ConcurrentDictionary<(string File, string Schema), string> Loaded = new();

    public static string Statement(string file, string schema) =>
        Loaded.GetOrAdd((file, schema), key => SqlResource.Statement(key.File, key.Schema));
}
