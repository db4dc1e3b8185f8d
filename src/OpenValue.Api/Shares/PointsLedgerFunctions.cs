namespace OpenValue.Api.Shares;

/// <summary>The SQL functions that keep the ledger's derived tables (see <see cref="PointsLedgerSchema"/>).</summary>
internal static class PointsLedgerFunctions
{
    // A week's checkpoint is every day before it: the running totals less the days from that week on (while
    // entries come in time order, only the one being added). Keys that net to 0 are left out; reads drop them.
    public const string OpenWeek = """
        create or replace function openvalue.ov_points_open_week(p_tenant varchar, p_scope uuid, p_week date) returns void
        language sql as $$
            insert into openvalue.ov_points_checkpoints (tenant_id, scope, week_start, member_ids, kinds, points)
            select p_tenant, p_scope, p_week, coalesce(array_agg(s.member_id order by s.member_id, s.kind), '{}'),
                   coalesce(array_agg(s.kind order by s.member_id, s.kind), '{}'), coalesce(array_agg(s.total order by s.member_id, s.kind), '{}')
              from (select t.member_id, t.kind, t.points - coalesce(d.points, 0) as total
                      from openvalue.ov_points_totals t
                      left join (select member_id, kind, sum(points) as points from openvalue.ov_points_days
                                  where tenant_id = p_tenant and scope = p_scope and day >= p_week group by member_id, kind) d
                        on d.member_id = t.member_id and d.kind = t.kind
                     where t.tenant_id = p_tenant and t.scope = p_scope) s
             where s.total <> 0;
        $$;
        """;

    // A scope changed: its version takes the sequence's next number, once per transaction (readers see only
    // committed states; and a row updated on every entry of a long transaction, a bulk load or a rebuild page,
    // grows a chain of versions that each update walks: quadratic). Taken under the scope's lock, so versions
    // grow in commit order.
    public const string Changed = """
        create or replace function openvalue.ov_points_changed(p_tenant varchar, p_scope uuid) returns void
        language sql as $$
            insert into openvalue.ov_points_versions as v (tenant_id, scope, version, xact)
            values (p_tenant, p_scope, nextval('openvalue.ov_points_version'), txid_current())
            on conflict (tenant_id, scope) do update set version = excluded.version, xact = excluded.xact
            where v.xact is distinct from excluded.xact;
        $$;
        """;

    // Adds one entry to a scope: its day and the running totals; when checkpoints past its day exist already
    // (it arrives late), a late row for them; then opens any weekly checkpoints still missing up to its week.
    // Writers of one scope take turns (a transaction lock): a checkpoint opened by one transaction must see
    // the day another wrote, or that one must see the checkpoint and record itself late.
    public const string Add = """
        create or replace function openvalue.ov_points_add(
            p_tenant varchar, p_scope uuid, p_seq bigint, p_day date, p_member uuid, p_kind varchar, p_points numeric) returns void
        language plpgsql as $$
        declare
            v_week date := date_trunc('week', p_day)::date;
            v_last date;
        begin
            perform pg_advisory_xact_lock(hashtextextended(p_tenant || '/' || p_scope::text, 20261126));
            perform openvalue.ov_points_changed(p_tenant, p_scope);
            insert into openvalue.ov_points_days as d (tenant_id, scope, day, member_id, kind, points)
            values (p_tenant, p_scope, p_day, p_member, p_kind, p_points)
            on conflict (tenant_id, scope, day, member_id, kind) do update set points = d.points + excluded.points;

            insert into openvalue.ov_points_totals as t (tenant_id, scope, member_id, kind, points)
            values (p_tenant, p_scope, p_member, p_kind, p_points)
            on conflict (tenant_id, scope, member_id, kind) do update set points = t.points + excluded.points;

            select max(week_start) into v_last from openvalue.ov_points_checkpoints where tenant_id = p_tenant and scope = p_scope;
            if v_last > p_day then
                insert into openvalue.ov_points_late (tenant_id, scope, seq, day, through, member_id, kind, points)
                values (p_tenant, p_scope, p_seq, p_day, v_last, p_member, p_kind, p_points);
            end if;
            if v_last is null then
                perform openvalue.ov_points_open_week(p_tenant, p_scope, v_week);
            end if;
            while v_last < v_week loop
                v_last := v_last + 7;
                perform openvalue.ov_points_open_week(p_tenant, p_scope, v_last);
            end loop;
        end;
        $$;
        """;

    // Records one entry exactly once (a replayed event changes nothing) into the network scope and, when
    // the contribution belongs to a project, into that project's scope too.
    public const string Record = """
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
            perform openvalue.ov_points_add(p_tenant, '00000000-0000-0000-0000-000000000000'::uuid, p_seq, v_day, p_member, p_kind, p_points);
            if p_project <> '00000000-0000-0000-0000-000000000000'::uuid then
                perform openvalue.ov_points_add(p_tenant, p_project, p_seq, v_day, p_member, p_kind, p_points);
            end if;
        end;
        $$;
        """;

    // Recomputes a scope's totals and checkpoints from its days: what the incremental functions keep (the
    // totals first, then a checkpoint for every week from the first day's week to the last day's, lacking nothing).
    public const string Derive = """
        create or replace function openvalue.ov_points_derive(p_tenant varchar, p_scope uuid) returns void
        language plpgsql as $$
        declare
            v_week date;
            v_last date;
        begin
            delete from openvalue.ov_points_totals where tenant_id = p_tenant and scope = p_scope;
            delete from openvalue.ov_points_checkpoints where tenant_id = p_tenant and scope = p_scope;
            delete from openvalue.ov_points_late where tenant_id = p_tenant and scope = p_scope;
            perform openvalue.ov_points_changed(p_tenant, p_scope);
            insert into openvalue.ov_points_totals (tenant_id, scope, member_id, kind, points)
            select p_tenant, p_scope, member_id, kind, sum(points) from openvalue.ov_points_days
             where tenant_id = p_tenant and scope = p_scope group by member_id, kind;
            select date_trunc('week', min(day))::date, date_trunc('week', max(day))::date into v_week, v_last
              from openvalue.ov_points_days where tenant_id = p_tenant and scope = p_scope;
            while v_week <= v_last loop
                perform openvalue.ov_points_open_week(p_tenant, p_scope, v_week);
                v_week := v_week + 7;
            end loop;
        end;
        $$;
        """;

    // A database written by the first ledger layout (one jsonb of totals per week in ov_points_weeks) has the
    // entries and days this layout keeps, but not its totals or checkpoints: derive them for every scope, then
    // drop the old table and the old function that wrote it. Idempotent; the advisory lock makes concurrent
    // starts wait for one upgrade.
    public const string Upgrade = """
        create or replace function openvalue.ov_points_upgrade() returns integer
        language plpgsql as $$
        declare
            v_scope record;
            v_count integer := 0;
        begin
            perform pg_advisory_xact_lock(4711202611);
            if to_regclass('openvalue.ov_points_weeks') is null then
                return 0;
            end if;
            for v_scope in select distinct tenant_id, scope from openvalue.ov_points_days loop
                perform openvalue.ov_points_derive(v_scope.tenant_id, v_scope.scope);
                v_count := v_count + 1;
            end loop;
            drop table openvalue.ov_points_weeks;
            drop function if exists openvalue.ov_points_add_to_scope(varchar, uuid, date, uuid, varchar, numeric);
            return v_count;
        end;
        $$;
        """;
}
