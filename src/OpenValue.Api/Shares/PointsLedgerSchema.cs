using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace OpenValue.Api.Shares;

/// <summary>
/// Tables and SQL functions behind as-of shares. Every value point ever granted or corrected is one row of
/// <c>ov_points_entries</c> (with the instant it counts from and, for decay, when its contribution was
/// accepted). The other tables are derived from the entries, per scope (the network, scope = the empty uuid,
/// and each project):
/// <list type="bullet">
/// <item><c>ov_points_days</c>: the sum per UTC day, member and kind;</item>
/// <item><c>ov_points_totals</c>: the sum of every entry so far per member and kind ("now");</item>
/// <item><c>ov_points_checkpoints</c>: at the start of every ISO week from a scope's first to its latest, each
/// member's cumulative points by kind before that week, as one row of three parallel arrays (member, kind,
/// points) in member order. Written once when the week opens and never rewritten: compact (PostgreSQL
/// compresses it) and one row to read;</item>
/// <item><c>ov_points_versions</c>: per scope, a number from one sequence taken by every change, so a reader
/// can tell in one lookup whether anything changed since it last read (it never repeats, rebuilds included);</item>
/// <item><c>ov_points_late</c>: an entry recorded after checkpoints past its day were written (a replay out of
/// time order, an import), kept once with the last checkpoint week that lacks it (<c>through</c>). Reads add it
/// to those checkpoints; the next checkpoint written takes it in.</item>
/// </list>
/// Points as of a moment T in the latest week are the totals minus the few entries after T; earlier, one
/// checkpoint + its late entries + at most six days + the entries of T's own day. Amounts are PostgreSQL
/// numeric (exact), read as binary decimals. Everything lives in the store's schema
/// (<c>DatabaseSchemaName</c>), given to each method; the SQL is in <c>Sql/</c> (<see cref="LedgerSql"/>).
/// </summary>
public static class PointsLedgerSchema
{
    /// <summary>The tables a rebuild of the ledger's projection must empty first.</summary>
    public static IReadOnlyList<string> Tables(string schema) =>
    [
        $"{schema}.ov_points_entries", $"{schema}.ov_points_days", $"{schema}.ov_points_totals",
        $"{schema}.ov_points_checkpoints", $"{schema}.ov_points_late", $"{schema}.ov_points_versions",
    ];

    public static IEnumerable<ISchemaObject> Objects(string schema)
    {
        var entries = new Table($"{schema}.ov_points_entries");
        entries.AddColumn<string>("tenant_id").AsPrimaryKey();
        entries.AddColumn<long>("seq").AsPrimaryKey();
        entries.AddColumn<Guid>("contribution_id").NotNull();
        entries.AddColumn<Guid>("member_id").NotNull();
        entries.AddColumn<Guid>("project_id");
        entries.AddColumn<string>("kind").NotNull();
        entries.AddColumn("points", "numeric").NotNull();
        entries.AddColumn("at", "timestamptz").NotNull();
        entries.AddColumn("accepted_at", "timestamptz");
        entries.Indexes.Add(new IndexDefinition("ix_ov_points_entries_at") { Columns = ["tenant_id", "at"] });

        var days = ScopeTable(schema, "ov_points_days", ("day", "date"));
        var totals = ScopeTable(schema, "ov_points_totals");
        var checkpoints = new Table($"{schema}.ov_points_checkpoints");
        checkpoints.AddColumn<string>("tenant_id").AsPrimaryKey();
        checkpoints.AddColumn<Guid>("scope").AsPrimaryKey();
        checkpoints.AddColumn("week_start", "date").AsPrimaryKey();
        checkpoints.AddColumn("member_ids", "uuid[]").NotNull();
        checkpoints.AddColumn("kinds", "varchar[]").NotNull();
        checkpoints.AddColumn("points", "numeric[]").NotNull();

        var late = new Table($"{schema}.ov_points_late");
        late.AddColumn<string>("tenant_id").AsPrimaryKey();
        late.AddColumn<Guid>("scope").AsPrimaryKey();
        late.AddColumn<long>("seq").AsPrimaryKey();
        late.AddColumn("day", "date").NotNull();
        late.AddColumn("through", "date").NotNull();
        late.AddColumn<Guid>("member_id").NotNull();
        late.AddColumn<string>("kind").NotNull();
        late.AddColumn("points", "numeric").NotNull();
        late.Indexes.Add(new IndexDefinition("ix_ov_points_late_through") { Columns = ["tenant_id", "scope",
            "through"] });

        var versions = new Table($"{schema}.ov_points_versions");
        versions.AddColumn<string>("tenant_id").AsPrimaryKey();
        versions.AddColumn<Guid>("scope").AsPrimaryKey();
        versions.AddColumn<long>("version").NotNull();
        versions.AddColumn<long>("xact"); // the transaction that took the version (added after the table: nullable)

        return
        [
            entries, days, totals, checkpoints, late, versions, new Sequence($"{schema}.ov_points_version"),
            .. PointsLedgerFunctions.All(schema),
        ];
    }

    /// <summary>
    /// Points per (tenant, scope, [day,] member, kind): the key is the primary key, so reads are one index range.
    /// </summary>
    private static Table ScopeTable(string schema, string name, (string Name, string Type)? period = null)
    {
        var table = new Table($"{schema}.{name}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("scope").AsPrimaryKey();
        if (period is { } p)
            table.AddColumn(p.Name, p.Type).AsPrimaryKey();
        table.AddColumn<Guid>("member_id").AsPrimaryKey();
        table.AddColumn<string>("kind").AsPrimaryKey();
        table.AddColumn("points", "numeric").NotNull();
        return table;
    }
}
