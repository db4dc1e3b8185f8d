using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;

namespace OpenValue.Api.Shares;

/// <summary>
/// Tables and the SQL function behind as-of shares. Every value point ever granted or corrected is one
/// row of <c>ov_points_entries</c> (with the instant it counts from and, for decay, when its contribution was accepted); <c>ov_points_days</c> sums them per UTC day, member and kind for the
/// network (scope = the empty uuid) and for each project; <c>ov_points_weeks</c> keeps, at the start of
/// every ISO week, each member's cumulative totals by kind as one jsonb object. Points as of a moment T
/// are then one checkpoint + at most six days + the entries of T's own day, however long the history.
/// Amounts are PostgreSQL numeric (exact) and travel as text inside the jsonb.
/// </summary>
public static class PointsLedgerSchema
{
    public const string Schema = "openvalue";

    /// <summary>The tables a rebuild of the ledger's projection must empty first.</summary>
    public static readonly IReadOnlyList<string> Tables = [$"{Schema}.ov_points_entries", $"{Schema}.ov_points_days", $"{Schema}.ov_points_weeks"];

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

        var days = new Table($"{Schema}.ov_points_days");
        days.AddColumn<string>("tenant_id").AsPrimaryKey();
        days.AddColumn<Guid>("scope").AsPrimaryKey();
        days.AddColumn("day", "date").AsPrimaryKey();
        days.AddColumn<Guid>("member_id").AsPrimaryKey();
        days.AddColumn<string>("kind").AsPrimaryKey();
        days.AddColumn("points", "numeric").NotNull();

        var weeks = new Table($"{Schema}.ov_points_weeks");
        weeks.AddColumn<string>("tenant_id").AsPrimaryKey();
        weeks.AddColumn<Guid>("scope").AsPrimaryKey();
        weeks.AddColumn("week_start", "date").AsPrimaryKey();
        weeks.AddColumn("totals", "jsonb").NotNull();

        return [entries, days, weeks, Function.ForSql(AddToScope), Function.ForSql(Record)];
    }

    // Adds one amount to a scope's day, corrects checkpoints that already counted past that day (an entry
    // may arrive after its week was closed), then opens any weekly checkpoints still missing up to the
    // entry's week, each as the previous one plus the days between.
    private const string AddToScope = """
        create or replace function openvalue.ov_points_add_to_scope(
            p_tenant varchar, p_scope uuid, p_day date, p_member uuid, p_kind varchar, p_points numeric) returns void
        language plpgsql as $$
        declare
            v_key text := p_member::text || '|' || p_kind;
            v_week date := date_trunc('week', p_day)::date;
            v_last date;
            v_totals jsonb;
        begin
            insert into openvalue.ov_points_days as d (tenant_id, scope, day, member_id, kind, points)
            values (p_tenant, p_scope, p_day, p_member, p_kind, p_points)
            on conflict (tenant_id, scope, day, member_id, kind) do update set points = d.points + excluded.points;

            update openvalue.ov_points_weeks w
               set totals = jsonb_set(w.totals, array[v_key], to_jsonb((coalesce(w.totals ->> v_key, '0')::numeric + p_points)::text))
             where w.tenant_id = p_tenant and w.scope = p_scope and w.week_start > p_day;

            select max(week_start) into v_last from openvalue.ov_points_weeks where tenant_id = p_tenant and scope = p_scope;
            if v_last is null then
                select coalesce(jsonb_object_agg(k, t::text), '{}'::jsonb) into v_totals from (
                    select member_id::text || '|' || kind as k, sum(points) as t from openvalue.ov_points_days
                     where tenant_id = p_tenant and scope = p_scope and day < v_week group by 1) s;
                insert into openvalue.ov_points_weeks values (p_tenant, p_scope, v_week, v_totals);
                return;
            end if;
            while v_last < v_week loop
                select coalesce(jsonb_object_agg(k, t::text), '{}'::jsonb) into v_totals from (
                    select k, sum(t) as t from (
                        select key as k, value::numeric as t from openvalue.ov_points_weeks w, jsonb_each_text(w.totals)
                         where w.tenant_id = p_tenant and w.scope = p_scope and w.week_start = v_last
                        union all
                        select member_id::text || '|' || kind, points from openvalue.ov_points_days
                         where tenant_id = p_tenant and scope = p_scope and day >= v_last and day < v_last + 7
                    ) u group by k) s;
                v_last := v_last + 7;
                insert into openvalue.ov_points_weeks values (p_tenant, p_scope, v_last, v_totals);
            end loop;
        end;
        $$;
        """;

    // Records one entry exactly once (a replayed event changes nothing) into the network scope and, when
    // the contribution belongs to a project, into that project's scope too.
    private const string Record = """
        create or replace function openvalue.ov_points_record(
            p_tenant varchar, p_seq bigint, p_contribution uuid, p_member uuid, p_project uuid, p_kind varchar,
            p_points numeric, p_at timestamptz, p_accepted_at timestamptz) returns void
        language plpgsql as $$
        declare
            v_day date := (p_at at time zone 'UTC')::date;
        begin
            insert into openvalue.ov_points_entries (tenant_id, seq, contribution_id, member_id, project_id, kind, points, at, accepted_at)
            values (p_tenant, p_seq, p_contribution, p_member, nullif(p_project, '00000000-0000-0000-0000-000000000000'::uuid), p_kind, p_points, p_at, p_accepted_at)
            on conflict do nothing;
            if not found then
                return;
            end if;
            perform openvalue.ov_points_add_to_scope(p_tenant, '00000000-0000-0000-0000-000000000000'::uuid, v_day, p_member, p_kind, p_points);
            if p_project <> '00000000-0000-0000-0000-000000000000'::uuid then
                perform openvalue.ov_points_add_to_scope(p_tenant, p_project, v_day, p_member, p_kind, p_points);
            end if;
        end;
        $$;
        """;
}
