using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;
using OpenValue.Api.Security;
using Weasel.Core;
using Wolverine.Marten;

namespace OpenValue.Api.Infrastructure;

public static class Storage
{
    /// <summary>
    /// Marten with conjoined multi-tenancy: the network id is the tenant id of every event and every
    /// network document, so a session opened for one network cannot read another's rows.
    /// </summary>
    public static void AddOpenValueStorage(this IServiceCollection services, string connectionString,
        bool runAsyncProjections,
        bool applySchema = true)
    {
        var dataSource = DataSource(connectionString);
        var marten = services.AddMarten(options =>
            {
                Configure(options, dataSource);
                // Nor when a document type is first used.
                if (!applySchema) options.AutoCreateSchemaObjects = AutoCreate.None;
            })
            .UseLightweightSessions()
            // Wolverine assigns the async projections' shards among the running app nodes that take part (one
            // node runs each shard, another takes over when it stops); it replaces Marten's own HotCold daemon.
            .IntegrateWithWolverine(wolverine =>
                wolverine.UseWolverineManagedEventSubscriptionDistribution = runAsyncProjections);
        // Without it, the schema's owner has applied it (Integrity.Migration, `migrate`) and this role may not change
        // it.
        if (applySchema)
            marten.ApplyAllDatabaseChangesOnStartup()
                // Run after the schema is applied: move a ledger kept in the first layout to the current one,
                // complete read models an earlier build did not keep, hash-chain every event, and store large
                // values with LZ4 (the chain's tables included).
                .InitializeWith(Integrity.Migration.AfterSchema());
    }

    /// <summary>
    /// The data source the app gives Marten: Npgsql with NodaTime types and, unless the connection string says
    /// otherwise, automatic preparation of the statements each connection repeats. A claim runs about ten
    /// statements; unprepared, PostgreSQL parsed and planned every one of them on every request (the parser
    /// and planner were the top of PostgreSQL's profile under claim load: docs/performance.md, measurement 2).
    /// Behind a pooler that cannot keep prepared statements or startup options (PgBouncer in transaction mode),
    /// set <c>Max Auto Prepare=0</c>: then neither is used.
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!SaysAutoPrepare(connectionString))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPrepared;
            // Prepared, but planned for each call's values: after five calls PostgreSQL may switch a prepared
            // statement to one generic plan, and for the shares as of a past moment (date ranges over the
            // ledger) the generic plan was 30-40% slower (docs/performance.md, measurement 4). Parsing is
            // still saved. A startup option, so it survives the reset of a pooled connection.
            builder.ConnectionStringBuilder.Options = $"{builder.ConnectionStringBuilder.Options} {CustomPlans}".Trim();
        }
        return builder.UseNodaTime().Build();
    }

    /// <summary>
    /// Whether the connection string itself sets Max Auto Prepare (Npgsql's builder reports every keyword as present).
    /// </summary>
    private static bool SaysAutoPrepare(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// How many distinct statements each connection keeps prepared (Npgsql drops the least used beyond it).
    /// </summary>
    public const int AutoPrepared = 100;

    private const string CustomPlans = "-c plan_cache_mode=force_custom_plan";

    /// <summary>
    /// The app's whole Marten configuration, public so the benchmarks measure the store exactly as the app
    /// configures it (they add their own event types and projections on top).
    /// </summary>
    public static void Configure(StoreOptions options, NpgsqlDataSource dataSource)
    {
        options.Connection(dataSource);
        options.Logger(new QuietMartenLogger());
        options.DatabaseSchemaName = "openvalue";
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => Json.Configure(json));
        options.Events.TenancyStyle = TenancyStyle.Conjoined;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.AppendMode = EventAppendMode.Rich;
        // Projections that take a few event types (the network, pool and distribution folds, member views)
        // page through mt_events by (type, seq_id). Without this index a page past the network's admissions
        // scans every later contribution event for none: at 1M contributions the network shard's rebuild
        // timed out that way (docs/performance.md, measurement 3).
        options.Events.EnableEventTypeIndex = true;

        options.Schema.For<AccessToken>().SingleTenanted();
        options.Schema.For<IdempotencyRecord>().SingleTenanted();
        options.Schema.For<StoreUpgrade>().SingleTenanted();

        // Each module registers its own documents and projections. Inline projections run in this order in
        // every transaction, and the points ledger's tables come before the member keys' in the schema.
        Networks.Configuration.Configure(options);
        Contributions.Configuration.Configure(options);
        Shares.Configuration.Configure(options);
        Treasury.Configuration.Configure(options);
        Budgeting.Configuration.Configure(options);
        Governance.Configuration.Configure(options);
        Activity.Configuration.Configure(options);
        options.Storage.ExtendedSchemaObjects.Add(Privacy.MemberKeys.Schema(options.DatabaseSchemaName));
        options.Storage.ExtendedSchemaObjects.Add(Privacy.MemberKeys.ResealSchema(options.DatabaseSchemaName));
    }
}
