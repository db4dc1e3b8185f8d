-- A network's event hashes in sequence order after @after, up to @upto: what the network's chain head folds.
-- Each hash is looked up by its whole key (see verify_events.sql).
select s.seq_id, s.hash
  from (select e.seq_id, (select h.hash from SCHEMA.ov_event_hashes h
                           where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version) as hash
          from SCHEMA.mt_events e
         where e.tenant_id = @tenant and e.seq_id > @after and e.seq_id <= @upto and e.type <> 'tombstone'
         order by e.seq_id) s
 where s.hash is not null;
