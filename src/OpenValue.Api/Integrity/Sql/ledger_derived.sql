-- The ledger's running totals and per-day sums of one network that differ from the sums of its entries
-- (each entry counts in the network's scope, the empty uuid, and in its project's).
with scoped as (
    select s.scope, e.member_id, e.kind, e.points, (e.at at time zone 'UTC')::date as day
      from SCHEMA.ov_points_entries e
     cross join lateral (values ('00000000-0000-0000-0000-000000000000'::uuid), (nullif(e.project_id, '00000000-0000-0000-0000-000000000000'::uuid))) s(scope)
     where e.tenant_id = @tenant and s.scope is not null),
totals as (select scope, member_id, kind, sum(points) as points from scoped group by 1, 2, 3),
days as (select scope, day, member_id, kind, sum(points) as points from scoped group by 1, 2, 3, 4)
select 'totals' as kept, coalesce(t.scope, x.scope), coalesce(t.member_id, x.member_id), coalesce(t.kind, x.kind)
  from (select * from SCHEMA.ov_points_totals where tenant_id = @tenant) t
  full join totals x on x.scope = t.scope and x.member_id = t.member_id and x.kind = t.kind
 where coalesce(t.points, 0) <> coalesce(x.points, 0)
union all
select 'days', coalesce(d.scope, x.scope), coalesce(d.member_id, x.member_id), coalesce(d.kind, x.kind)
  from (select * from SCHEMA.ov_points_days where tenant_id = @tenant) d
  full join days x on x.scope = d.scope and x.day = d.day and x.member_id = d.member_id and x.kind = d.kind
 where coalesce(d.points, 0) <> coalesce(x.points, 0)
 limit 20;
