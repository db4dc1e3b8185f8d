-- How far every event is known to be committed (Marten's daemon keeps it): a chain head folded up to here
-- never misses an event that commits later with a lower sequence. Without a daemon, the last event's.
select coalesce((select last_seq_id from SCHEMA.mt_event_progression where name = 'HighWaterMark'),
                (select max(seq_id) from SCHEMA.mt_events), 0);
