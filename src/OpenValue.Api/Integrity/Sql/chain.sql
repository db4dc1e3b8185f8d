-- The event chain (hashes of format 'ov-chain-1'). Every event but Marten's gap-filling tombstones gets one row in
-- ov_event_hashes, written by a trigger as the event is inserted: the SHA-256 of the hash of the event
-- before it in the same stream (none for version 1) and of the event as stored: network (tenant), stream,
-- version, type, time (UTC, microseconds) and the jsonb body as PostgreSQL prints it. Idempotent: applied
-- by the schema's owner at startup or by `migrate` when the trigger or its version is missing.

create table if not exists SCHEMA.ov_event_hashes (
    tenant_id varchar not null,
    stream_id uuid not null,
    version bigint not null,
    seq_id bigint not null,
    hash bytea not null,
    primary key (tenant_id, stream_id, version)
);

-- What an event's hash covers besides the hash before it: the one definition, used by the trigger, the
-- upgrade and verify.
create or replace function SCHEMA.ov_event_payload(
    p_tenant varchar, p_stream uuid, p_version bigint, p_type varchar, p_at timestamptz, p_data jsonb)
returns bytea language sql immutable parallel safe as $$
    select convert_to(concat_ws(E'\n', 'ov-chain-1', p_tenant, p_stream::text, p_version::text, p_type,
        to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_data::text), 'UTF8')
$$;

-- Once per inserting statement (a COPY batch of thousands of events, or one appended event), over the rows
-- it inserted: a lookup by key finds the hash before each event (a join was planned as a scan of the
-- hashes when statistics lagged a bulk load), the loop chains the batch in memory, one insert stores them.
-- A row trigger cost two lookups and an insert per event: bulk loads took twice as long. Security
-- definer: the app's runtime role may read the hashes but never write them; only this trigger does.
create or replace function SCHEMA.ov_chain_events() returns trigger
language plpgsql security definer set search_path = pg_catalog, SCHEMA as $$
declare
    r record; previous bytea; tenants varchar[] := '{}'; streams uuid[] := '{}'; versions bigint[] := '{}';
    seqs bigint[] := '{}'; hashes bytea[] := '{}'; n int := 0;
begin
    for r in select e.tenant_id, e.stream_id, e.version, e.seq_id,
                    (select h.hash from SCHEMA.ov_event_hashes h
                      where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version - 1) as before,
                    SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type, e."timestamp", e.data) as payload
               from inserted e
              where e.type <> 'tombstone'
              order by e.tenant_id, e.stream_id, e.version
    loop
        if n = 0 or streams[n] <> r.stream_id or tenants[n] <> r.tenant_id or versions[n] <> r.version - 1 then
            previous := r.before;
        else
            previous := hashes[n];
        end if;
        n := n + 1;
        tenants[n] := r.tenant_id; streams[n] := r.stream_id; versions[n] := r.version; seqs[n] := r.seq_id;
        hashes[n] := sha256(coalesce(previous, '\x'::bytea) || r.payload);
    end loop;
    insert into SCHEMA.ov_event_hashes (tenant_id, stream_id, version, seq_id, hash)
    select * from unnest(tenants, streams, versions, seqs, hashes);
    return null;
end $$;

drop trigger if exists ov_chain on SCHEMA.mt_events;
drop function if exists SCHEMA.ov_chain_event();
drop function if exists SCHEMA.ov_event_hash(bytea, varchar, uuid, bigint, varchar, timestamptz, jsonb);
create trigger ov_chain after insert on SCHEMA.mt_events referencing new table as inserted
    for each statement execute function SCHEMA.ov_chain_events();
comment on trigger ov_chain on SCHEMA.mt_events is 'chain.sql 5';

-- Upgrade: chain the events stored before the trigger existed, stream by stream in version order (hash =
-- SHA-256 of the previous hash, none for a stream's first event, and the payload).
do $$
declare e record; previous bytea; last_stream uuid; last_tenant varchar;
begin
    for e in select m.tenant_id, m.stream_id, m.version, m.seq_id,
                    SCHEMA.ov_event_payload(m.tenant_id, m.stream_id, m.version, m.type, m."timestamp", m.data) as payload
               from SCHEMA.mt_events m
              where m.type <> 'tombstone' and not exists (select 1 from SCHEMA.ov_event_hashes h
                    where h.tenant_id = m.tenant_id and h.stream_id = m.stream_id and h.version = m.version)
              order by m.tenant_id, m.stream_id, m.version
    loop
        if last_stream is distinct from e.stream_id or last_tenant is distinct from e.tenant_id then
            previous := (select h.hash from SCHEMA.ov_event_hashes h
                          where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version - 1);
        end if;
        previous := sha256(coalesce(previous, '\x'::bytea) || e.payload);
        insert into SCHEMA.ov_event_hashes (tenant_id, stream_id, version, seq_id, hash)
        values (e.tenant_id, e.stream_id, e.version, e.seq_id, previous);
        last_stream := e.stream_id; last_tenant := e.tenant_id;
    end loop;
end $$;

-- The network's chain head as each distribution recorded it when proposed (ChainHeads). The runtime role
-- may add and read anchors, never change them.
create table if not exists SCHEMA.ov_chain_anchors (
    tenant_id varchar not null,
    distribution_id uuid not null,
    sequence bigint not null,
    events bigint not null,
    head bytea not null,
    primary key (tenant_id, distribution_id)
);
