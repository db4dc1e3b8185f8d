-- A network's event hashes in sequence order after @after, up to @upto: what the network's chain head folds.
select e.seq_id, h.hash
  from SCHEMA.mt_events e
  join SCHEMA.ov_event_hashes h on h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version
 where e.tenant_id = @tenant and e.seq_id > @after and e.seq_id <= @upto and e.type <> 'tombstone'
 order by e.seq_id;
