-- Marten's tombstones: when a transaction that had drawn event sequence numbers fails (a 409 race on a stream's
-- version, a refused idempotent retry), Marten stores one empty 'tombstone' row per number it drew, so the async
-- daemon sees no gap to wait out. They carry no fact and are not chained; once the high-water mark and every
-- async shard have passed them, nothing reads them again. This function deletes those, and only those: the app's
-- runtime role may not delete events, so it runs with the owner's rights (security definer) and is the one
-- delete that role can cause. Applied by the owner at startup or by `migrate`.
create or replace function SCHEMA.ov_purge_tombstones() returns bigint
language sql security definer set search_path = pg_catalog, SCHEMA as $$
    with passed as (
        select least(
            (select last_seq_id from SCHEMA.mt_event_progression where name = 'HighWaterMark'),
            coalesce((select min(last_seq_id) from SCHEMA.mt_event_progression where name not like 'HighWater%'), 0)
        ) as upto
    ), gone as (
        delete from SCHEMA.mt_events e using passed
         where e.type = 'tombstone' and e.seq_id <= passed.upto
        returning 1
    )
    select count(*) from gone
$$;
revoke all on function SCHEMA.ov_purge_tombstones() from public;
comment on function SCHEMA.ov_purge_tombstones() is 'tombstones.sql 1';
