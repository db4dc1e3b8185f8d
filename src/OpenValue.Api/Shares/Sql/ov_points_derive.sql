-- Recomputes a scope's totals and checkpoints from its days: what the incremental functions keep (the
-- totals first, then a checkpoint for every week from the first day's week to the last day's, lacking nothing).
create or replace function SCHEMA.ov_points_derive(p_tenant varchar, p_scope uuid) returns void
language plpgsql as $$
declare
    v_week date;
    v_last date;
begin
    delete from SCHEMA.ov_points_totals where tenant_id = p_tenant and scope = p_scope;
    delete from SCHEMA.ov_points_checkpoints where tenant_id = p_tenant and scope = p_scope;
    delete from SCHEMA.ov_points_late where tenant_id = p_tenant and scope = p_scope;
    perform SCHEMA.ov_points_changed(p_tenant, p_scope);
    insert into SCHEMA.ov_points_totals (tenant_id, scope, member_id, kind, points)
    select p_tenant, p_scope, member_id, kind, sum(points) from SCHEMA.ov_points_days
     where tenant_id = p_tenant and scope = p_scope group by member_id, kind;
    select date_trunc('week', min(day))::date, date_trunc('week', max(day))::date into v_week, v_last
      from SCHEMA.ov_points_days where tenant_id = p_tenant and scope = p_scope;
    while v_week <= v_last loop
        perform SCHEMA.ov_points_open_week(p_tenant, p_scope, v_week);
        v_week := v_week + 7;
    end loop;
end;
$$;
