using OpenValue.Api.Infrastructure;
using Weasel.Postgresql.Functions;

namespace OpenValue.Api.Shares;

/// <summary>
/// The SQL functions that keep the ledger's derived tables (see <see cref="PointsLedgerSchema"/>), one file
/// each in <c>Sql/</c> with the schema as a parameter. Each file's header comment says what its function does
/// and why; Weasel is given the definition alone.
/// </summary>
internal static class PointsLedgerFunctions
{
    // In dependency order: a language-sql function is checked against the functions it calls when it is created.
    private static readonly string[] Files = ["changed", "open_week", "add", "record", "derive", "upgrade"];

    public static IEnumerable<Function> All(string schema) =>
        Files.Select(name => Function.ForSql(SqlResource.Statement($"ov_points_{name}.sql", schema)));
}
