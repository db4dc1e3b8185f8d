using JasperFx;
using Marten;
using Marten.Schema;
using Npgsql;
using Wolverine.Runtime;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Everything that changes the database's schema, in order: Marten's tables and functions, then the steps that
/// run after them (the ledger's layout upgrade, the event chain, LZ4 for large values), then Wolverine's
/// tables, and finally the runtime role's grants. The app runs the first three at startup too; once the owner
/// has run <c>migrate</c> they find nothing to change, so a runtime role without DDL rights passes them.
/// </summary>
public static class Migration
{
    /// <summary>The steps after Marten's schema, as Storage registers them to run at startup.</summary>
    public static IInitialData[] AfterSchema() =>
        [new Shares.PointsLedgerUpgrade(), new Infrastructure.ReadModelUpgrade(), new EventChain(),
            new Infrastructure.ToastCompression(), new Privacy.PersonalDataUpgrade(),
            new Infrastructure.TombstonePurge.Schema()];

    public static async Task Apply(IServiceProvider services, string? runtimeRole, CancellationToken cancellation)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        foreach (var step in AfterSchema())
            await step.Populate(store, cancellation);
        // Explicitly: the app's own setting (OpenValue:ApplySchemaOnStartup=false) makes Wolverine leave its tables.
        await services.GetRequiredService<IWolverineRuntime>().Storage.Admin.MigrateAsync(AutoCreate.CreateOrUpdate);
        if (runtimeRole is { Length: > 0 })
            await Grant(ChainAnchors.Db(store), store.Options.DatabaseSchemaName, runtimeRole, cancellation);
    }

    /// <summary>Grants the runtime role what it needs and nothing more (Sql/grants.sql).</summary>
    public static async Task Grant(NpgsqlDataSource db, string schema, string role, CancellationToken cancellation)
    {
        if (!role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException($"Role name '{role}' is not a plain lower-case identifier.", nameof(role));
        var sql = SqlResource.Load("grants.sql", schema).Replace("RUNTIME", role, StringComparison.Ordinal);
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
