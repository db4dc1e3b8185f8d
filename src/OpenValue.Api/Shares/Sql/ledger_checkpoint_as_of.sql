-- In the scope's latest checkpoint week or later ("recent"): the running totals less the entries after the
-- moment (at most a week of them, since every entry opened the checkpoints up to its own week). Before:
-- the last checkpoint at or before the moment's UTC day (its arrays, in the first statement), the late
-- entries it lacks, the days since, and that day's entries up to the moment. The unused branch is cut by
-- one-time filters. $1 tenant, $2 scope, $3 the moment, $4 its UTC day, $5 that day's start.
select p.member_ids, p.kinds, p.points from SCHEMA.ov_points_checkpoints p
 where p.tenant_id = $1 and p.scope = $2
   and p.week_start = (select max(week_start) from SCHEMA.ov_points_checkpoints where tenant_id = $1 and scope = $2 and week_start <= $4)
   and (select max(week_start) from SCHEMA.ov_points_checkpoints where tenant_id = $1 and scope = $2) > $4
