using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
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
/// <item><c>ov_points_checkpoint_weeks</c> and <c>ov_points_checkpoints</c>: at the start of every ISO week
/// from a scope's first to its latest, each member's cumulative points by kind before that week, one row per
/// member and kind (a late entry then updates one row per later week, not a whole week's object).</item>
/// </list>
/// Points as of a moment T in the latest week are the totals minus the few entries after T; earlier, one
/// checkpoint + at most six days + the entries of T's own day. Amounts are PostgreSQL numeric (exact), read
/// as binary decimals.
/// </summary>
public static class PointsLedgerSchema
{
    public const string Schema = "openvalue";

    /// <summary>The tables a rebuild of the ledger's projection must empty first.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        $"{Schema}.ov_points_entries", $"{Schema}.ov_points_days", $"{Schema}.ov_points_totals",
        $"{Schema}.ov_points_checkpoint_weeks", $"{Schema}.ov_points_checkpoints",
    ];

    public static IEnumerable<ISchemaObject> Objects()
    {
        var entries = new Table($"{Schema}.ov_points_entries");
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

        var days = ScopeTable("ov_points_days", ("day", "date"));
        var totals = ScopeTable("ov_points_totals");
        var weeks = new Table($"{Schema}.ov_points_checkpoint_weeks");
        weeks.AddColumn<string>("tenant_id").AsPrimaryKey();
        weeks.AddColumn<Guid>("scope").AsPrimaryKey();
        weeks.AddColumn("week_start", "date").AsPrimaryKey();
        var checkpoints = ScopeTable("ov_points_checkpoints", ("week_start", "date"));

        return
        [
            entries, days, totals, weeks, checkpoints,
            Function.ForSql(PointsLedgerFunctions.OpenWeek), Function.ForSql(PointsLedgerFunctions.AddToScope),
            Function.ForSql(PointsLedgerFunctions.Record), Function.ForSql(PointsLedgerFunctions.Derive),
            Function.ForSql(PointsLedgerFunctions.Upgrade), Function.ForSql(PointsLedgerFunctions.AsOf),
        ];
    }

    /// <summary>Points per (tenant, scope, [period,] member, kind): the key is the primary key, so reads are one index range.</summary>
    private static Table ScopeTable(string name, (string Name, string Type)? period = null)
    {
        var table = new Table($"{Schema}.{name}");
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
