-- Records one entry exactly once (a replayed event changes nothing) into the network scope and, when
-- the contribution belongs to a project, into that project's scope too.
create or replace function SCHEMA.ov_points_record(
    p_tenant varchar, p_seq bigint, p_contribution uuid, p_member uuid, p_project uuid, p_kind varchar,
    p_points numeric, p_at timestamptz, p_accepted_at timestamptz) returns void
language plpgsql as $$
declare
    v_day date := (p_at at time zone 'UTC')::date;
begin
    insert into SCHEMA.ov_points_entries (tenant_id, seq, contribution_id, member_id, project_id, kind, points, at, accepted_at)
    values (p_tenant, p_seq, p_contribution, p_member, nullif(p_project, '00000000-0000-0000-0000-000000000000'::uuid), p_kind, p_points, p_at, p_accepted_at)
    on conflict do nothing;
    if not found then
        return;
    end if;
    perform SCHEMA.ov_points_add(p_tenant, '00000000-0000-0000-0000-000000000000'::uuid, p_seq, v_day, p_member, p_kind, p_points);
    if p_project <> '00000000-0000-0000-0000-000000000000'::uuid then
        perform SCHEMA.ov_points_add(p_tenant, p_project, p_seq, v_day, p_member, p_kind, p_points);
    end if;
end;
$$;
