-- Points for a history of moments in one pass over the scope's entries: each entry goes to the first moment
-- that counts it (the moments come shifted by one microsecond, so width_bucket's "threshold <= at" reads as
-- "moment < at", and bucket k holds the entries counted from moment k on). Summed per bucket and member; the
-- caller adds the buckets up in order. $1 tenant, $2 the shifted moments in order, $3 the last moment,
-- $4 the project (null: the whole network).
select width_bucket(e.at, $2::timestamptz[]) as bucket, e.member_id, sum(e.points)
  from SCHEMA.ov_points_entries e
 where e.tenant_id = $1 and e.at <= $3 and ($4::uuid is null or e.project_id = $4)
 group by 1, 2
 order by 1
