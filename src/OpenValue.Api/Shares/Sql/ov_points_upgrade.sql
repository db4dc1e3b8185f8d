-- A database written by the first ledger layout (one jsonb of totals per week in ov_points_weeks) has the
-- entries and days this layout keeps, but not its totals or checkpoints: derive them for every scope, then
-- drop the old table and the old function that wrote it. Idempotent; the advisory lock makes concurrent
-- starts wait for one upgrade.
create or replace function SCHEMA.ov_points_upgrade() returns integer
language plpgsql as $$
declare
    v_scope record;
    v_count integer := 0;
begin
    perform pg_advisory_xact_lock(4711202611);
    if to_regclass('SCHEMA.ov_points_weeks') is null then
        return 0;
    end if;
    for v_scope in select distinct tenant_id, scope from SCHEMA.ov_points_days loop
        perform SCHEMA.ov_points_derive(v_scope.tenant_id, v_scope.scope);
        v_count := v_count + 1;
    end loop;
    drop table SCHEMA.ov_points_weeks;
    drop function if exists SCHEMA.ov_points_add_to_scope(varchar, uuid, date, uuid, varchar, numeric);
    return v_count;
end;
$$;
