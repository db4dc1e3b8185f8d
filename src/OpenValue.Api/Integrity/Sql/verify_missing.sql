-- Hashes whose event is gone (deleted, or turned into a tombstone), and streams whose recorded version is
-- not their last event's (a truncated tail), first by sequence. Marten's tombstone streams hold only tombstones
-- and stay at version 0; once their tombstones are purged (tombstones.sql) they hold nothing, and are no break:
-- a stream of facts is at version 1 or more from its first event.
select 'missing' as problem, h.stream_id, h.version, h.seq_id
  from SCHEMA.ov_event_hashes h
 where h.tenant_id = @tenant and not exists (select 1 from SCHEMA.mt_events e
       where e.tenant_id = h.tenant_id and e.stream_id = h.stream_id and e.version = h.version and e.type <> 'tombstone')
union all
select 'stream-version' as problem, s.id, s.version, coalesce(max(e.seq_id), 0)
  from SCHEMA.mt_streams s
  left join SCHEMA.mt_events e on e.tenant_id = s.tenant_id and e.stream_id = s.id
 where s.tenant_id = @tenant
 group by s.id, s.version
having s.version is distinct from max(e.version) and bool_and(e.type is distinct from 'tombstone')
   and not (s.version = 0 and count(e.seq_id) = 0)
 order by 4
 limit @limit;
