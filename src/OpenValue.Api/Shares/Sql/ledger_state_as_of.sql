-- What a kept snapshot as of a moment depends on, from one state: the scope's version (0 before any entry)
-- and the first instant after the moment at which an entry counts. $1 tenant, $2 scope, $3 the moment.
select coalesce((select version from SCHEMA.ov_points_versions where tenant_id = $1 and scope = $2), 0),
       (select min(at) from SCHEMA.ov_points_entries
         where tenant_id = $1 and at > $3 and ($2 = '00000000-0000-0000-0000-000000000000'::uuid or project_id = $2))
