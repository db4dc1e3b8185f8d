-- Adds one entry to a scope: its day and the running totals; when checkpoints past its day exist already
-- (it arrives late), a late row for them; then opens any weekly checkpoints still missing up to its week.
-- Writers of one scope take turns (a transaction lock): a checkpoint opened by one transaction must see
-- the day another wrote, or that one must see the checkpoint and record itself late.
create or replace function SCHEMA.ov_points_add(
    p_tenant varchar, p_scope uuid, p_seq bigint, p_day date, p_member uuid, p_kind varchar, p_points numeric) returns void
language plpgsql as $$
declare
    v_week date := date_trunc('week', p_day)::date;
    v_last date;
begin
    perform pg_advisory_xact_lock(hashtextextended(p_tenant || '/' || p_scope::text, 20261126));
    perform SCHEMA.ov_points_changed(p_tenant, p_scope);
    insert into SCHEMA.ov_points_days as d (tenant_id, scope, day, member_id, kind, points)
    values (p_tenant, p_scope, p_day, p_member, p_kind, p_points)
    on conflict (tenant_id, scope, day, member_id, kind) do update set points = d.points + excluded.points;

    insert into SCHEMA.ov_points_totals as t (tenant_id, scope, member_id, kind, points)
    values (p_tenant, p_scope, p_member, p_kind, p_points)
    on conflict (tenant_id, scope, member_id, kind) do update set points = t.points + excluded.points;

    select max(week_start) into v_last from SCHEMA.ov_points_checkpoints where tenant_id = p_tenant and scope = p_scope;
    if v_last > p_day then
        insert into SCHEMA.ov_points_late (tenant_id, scope, seq, day, through, member_id, kind, points)
        values (p_tenant, p_scope, p_seq, p_day, v_last, p_member, p_kind, p_points);
    end if;
    if v_last is null then
        perform SCHEMA.ov_points_open_week(p_tenant, p_scope, v_week);
    end if;
    while v_last < v_week loop
        v_last := v_last + 7;
        perform SCHEMA.ov_points_open_week(p_tenant, p_scope, v_last);
    end loop;
end;
$$;
