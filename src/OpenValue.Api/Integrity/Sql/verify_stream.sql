-- How many events of one stream up to @version (what a document was folded from) no longer match the chain (see
-- verify_events.sql), plus hashes whose event is gone.
select (select count(*)
          from (select e.version,
                       SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type, e."timestamp", e.data) as payload,
                       (select h.hash from SCHEMA.ov_event_hashes h
                         where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version) as hash,
                       (select p.hash from SCHEMA.ov_event_hashes p
                         where p.tenant_id = e.tenant_id and p.stream_id = e.stream_id and p.version = e.version - 1) as previous
                  from SCHEMA.mt_events e
                 where e.tenant_id = @tenant and e.stream_id = @stream and e.version <= @version
                   and e.type <> 'tombstone') s
         where not coalesce(s.hash = sha256(coalesce(s.previous, '\x'::bytea) || s.payload)
               and (s.version = 1 or s.previous is not null), false))
     + (select count(*) from SCHEMA.ov_event_hashes h
         where h.tenant_id = @tenant and h.stream_id = @stream and not exists (select 1 from SCHEMA.mt_events e
               where e.tenant_id = h.tenant_id and e.stream_id = h.stream_id and e.version = h.version and e.type <> 'tombstone'));
