-- Each contribution's points counting only entries in ($3, $2] ($3 null: no lower bound), with the first instant
-- it counted from (what decay counts from), for the network or one project and every member or one. It reads
-- every entry in range: what decay needs, since a decayed total depends on each contribution's age.
-- $1 tenant, $2 the moment, $3 the moment after which entries count (or null), $4 the project (null: the whole
-- network), $5 the member (null: every member).
select contribution_id, member_id, kind, sum(points), min(coalesce(accepted_at, at))
  from SCHEMA.ov_points_entries
 where tenant_id = $1 and at <= $2 and ($3::timestamptz is null or at > $3) and ($4::uuid is null or project_id = $4)
   and ($5::uuid is null or member_id = $5)
 group by contribution_id, member_id, kind
 order by contribution_id
