-- One event's hash recomputed from its stored row and the hash before it, exactly as the chain keeper wrote it
-- (chain.sql). PersonalDataUpgrade runs it version by version over a stream whose events it sealed.
update SCHEMA.ov_event_hashes h
   set hash = sha256(coalesce((select p.hash from SCHEMA.ov_event_hashes p
                                where p.tenant_id = h.tenant_id and p.stream_id = h.stream_id
                                  and p.version = h.version - 1), '\x'::bytea)
                     || (select SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type,
                                                        e."timestamp", e.data)
                           from SCHEMA.mt_events e
                          where e.tenant_id = h.tenant_id and e.stream_id = h.stream_id and e.version = h.version))
 where h.tenant_id = @tenant and h.stream_id = @stream and h.version = @version
