-- The rows to add to the checkpoint (see ledger_checkpoint_as_of.sql): one branch or the other, by the week.
with recent as (select coalesce(max(week_start) <= $4, true) as yes from SCHEMA.ov_points_checkpoints where tenant_id = $1 and scope = $2),
     base as (select max(week_start) as week from SCHEMA.ov_points_checkpoints where tenant_id = $1 and scope = $2 and week_start <= $4)
select t.member_id, t.kind, t.points from SCHEMA.ov_points_totals t
 where t.tenant_id = $1 and t.scope = $2 and (select yes from recent)
union all
select e.member_id, e.kind, -e.points from SCHEMA.ov_points_entries e
 where e.tenant_id = $1 and e.at > $3 and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or e.project_id = $2)
   and (select yes from recent)
union all
select l.member_id, l.kind, l.points from SCHEMA.ov_points_late l
 where l.tenant_id = $1 and l.scope = $2 and l.through >= (select week from base) and l.day < (select week from base)
   and not (select yes from recent)
union all
select d.member_id, d.kind, d.points from SCHEMA.ov_points_days d
 where d.tenant_id = $1 and d.scope = $2 and d.day >= coalesce((select week from base), '-infinity'::date) and d.day < $4
   and not (select yes from recent)
union all
select e.member_id, e.kind, e.points from SCHEMA.ov_points_entries e
 where e.tenant_id = $1 and e.at >= $5 and e.at <= $3 and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or e.project_id = $2)
   and not (select yes from recent)
