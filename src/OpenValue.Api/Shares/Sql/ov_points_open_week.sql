-- A week's checkpoint is every day before it: the running totals less the days from that week on (while
-- entries come in time order, only the one being added). Keys that net to 0 are left out; reads drop them.
create or replace function SCHEMA.ov_points_open_week(p_tenant varchar, p_scope uuid, p_week date) returns void
language sql as $$
    insert into SCHEMA.ov_points_checkpoints (tenant_id, scope, week_start, member_ids, kinds, points)
    select p_tenant, p_scope, p_week, coalesce(array_agg(s.member_id order by s.member_id, s.kind), '{}'),
           coalesce(array_agg(s.kind order by s.member_id, s.kind), '{}'), coalesce(array_agg(s.total order by s.member_id, s.kind), '{}')
      from (select t.member_id, t.kind, t.points - coalesce(d.points, 0) as total
              from SCHEMA.ov_points_totals t
              left join (select member_id, kind, sum(points) as points from SCHEMA.ov_points_days
                          where tenant_id = p_tenant and scope = p_scope and day >= p_week group by member_id, kind) d
                on d.member_id = t.member_id and d.kind = t.kind
             where t.tenant_id = p_tenant and t.scope = p_scope) s
     where s.total <> 0;
$$;
