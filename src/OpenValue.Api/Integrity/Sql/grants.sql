-- The app's runtime role (RUNTIME), granted by `migrate --runtime-role` after the owner applied the schema:
-- it reads and writes what the app needs, but never changes the schema, never updates, deletes or truncates
-- an event or a stream (deleting a stream would delete its events through the foreign key, which runs with
-- the owner's rights), never writes a hash (only the chain keeper's functions do, as the owner), and never
-- changes a recorded chain head. Re-run after every migration: it covers the tables that exist now.
grant usage on schema SCHEMA to RUNTIME;
grant select, insert, update, delete on all tables in schema SCHEMA to RUNTIME;
grant usage, select, update on all sequences in schema SCHEMA to RUNTIME;
revoke update, delete, truncate on SCHEMA.mt_events from RUNTIME;
revoke update, delete, truncate on SCHEMA.mt_streams from RUNTIME;
-- Appending moves a stream's version and time; Marten never rewrites its id or tenant.
grant update (version, "timestamp", type, is_archived, compacted_version) on SCHEMA.mt_streams to RUNTIME;
revoke insert, update, delete, truncate on SCHEMA.ov_event_hashes from RUNTIME;
-- It moves the chain on only through the keeper's functions, which run as the owner.
revoke insert, update, delete, truncate on SCHEMA.ov_chain_progress, SCHEMA.ov_chain_skipped from RUNTIME;
grant execute on function SCHEMA.ov_chain_advance(int), SCHEMA.ov_chain_stream(varchar, uuid),
    SCHEMA.ov_chain_visible() to RUNTIME;
revoke update, delete, truncate on SCHEMA.ov_chain_anchors from RUNTIME;
-- The one delete it may cause: Marten's empty tombstone rows that every shard has passed (tombstones.sql).
grant execute on function SCHEMA.ov_purge_tombstones() to RUNTIME;
-- A replaced chain head is kept as the upgrade recorded it (PersonalDataUpgrade).
revoke update, delete, truncate on SCHEMA.ov_chain_reseals from RUNTIME;
