-- One page of a network's events in stream order after (@stream, @version), each with whether it still
-- matches its stored hash (recomputed from the stored hash before it) and whether that hash exists.
select e.stream_id, e.version, e.seq_id,
       h.hash is not null as hashed,
       e.version = 1 or p.hash is not null as linked,
       coalesce(h.hash = sha256(coalesce(p.hash, '\x'::bytea)
           || SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type, e."timestamp", e.data)), false) as intact
  from SCHEMA.mt_events e
  left join SCHEMA.ov_event_hashes h on h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version
  left join SCHEMA.ov_event_hashes p on p.tenant_id = e.tenant_id and p.stream_id = e.stream_id and p.version = e.version - 1
 where e.tenant_id = @tenant and e.type <> 'tombstone' and (e.stream_id, e.version) > (@stream, @version)
 order by e.stream_id, e.version
 limit @page;
