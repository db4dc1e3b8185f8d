using Marten;
using Marten.Schema;

namespace OpenValue.Api.Shares;

/// <summary>
/// Runs at startup, after Marten has applied the schema: moves a database from the ledger's first layout
/// (one jsonb of totals per week) to totals and checkpoint rows, derived from the per-day sums both layouts
/// keep (<c>ov_points_upgrade</c>). Nothing is lost: entries and days are untouched, and the derived tables
/// are a function of the days. On an upgraded or new database it is one catalogue lookup.
/// </summary>
public sealed class PointsLedgerUpgrade : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new Npgsql.NpgsqlCommand(
            LedgerSql.Statement("ledger_upgrade.sql", store.Options.DatabaseSchemaName), connection)
        {
            CommandTimeout = 0,
        };
        await command.ExecuteScalarAsync(cancellation);
    }
}
