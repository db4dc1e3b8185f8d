-- One page of a network's events in stream order after (@stream, @version), each with whether it still
-- matches its stored hash (recomputed from the stored hash before it) and whether that hash exists. The
-- hashes are looked up by their whole key per event (scalar subqueries), whatever the planner's statistics
-- say: right after a bulk load a join was planned as a scan of the network's hashes per event.
select s.stream_id, s.version, s.seq_id, s.hash is not null as hashed, s.version = 1 or s.previous is not null as linked,
       coalesce(s.hash = sha256(coalesce(s.previous, '\x'::bytea) || s.payload), false) as intact
  from (select e.stream_id, e.version, e.seq_id,
               SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type, e."timestamp", e.data) as payload,
               (select h.hash from SCHEMA.ov_event_hashes h
                 where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version) as hash,
               (select p.hash from SCHEMA.ov_event_hashes p
                 where p.tenant_id = e.tenant_id and p.stream_id = e.stream_id and p.version = e.version - 1) as previous
          from SCHEMA.mt_events e
         where e.tenant_id = @tenant and e.type <> 'tombstone' and (e.stream_id, e.version) > (@stream, @version)
         order by e.stream_id, e.version
         limit @page) s;
