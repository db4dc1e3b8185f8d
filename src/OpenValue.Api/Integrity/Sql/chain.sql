-- The event chain (hashes of format 'ov-chain-1'). Every event but Marten's gap-filling tombstones gets one row in
-- ov_event_hashes, written by the chain keeper a moment after the event commits (ov_chain_advance): the
-- SHA-256 of the hash of the event before it in the same stream (none for version 1) and of the event as
-- stored: network (tenant), stream, version, type, time (UTC, microseconds) and the jsonb body as PostgreSQL
-- prints it. Idempotent: applied by the schema's owner at startup or by `migrate` when its version is missing.

-- One starting node at a time (the schema steps' advisory lock, as ToastCompression takes it), for this
-- script's transaction: nodes starting together on a new database would otherwise deadlock on its DDL.
select pg_advisory_xact_lock(7384061, 2);

create table if not exists SCHEMA.ov_event_hashes (
    tenant_id varchar not null,
    stream_id uuid not null,
    version bigint not null,
    seq_id bigint not null,
    hash bytea not null,
    primary key (tenant_id, stream_id, version)
);

-- What an event's hash covers besides the hash before it: the one definition, used by the keeper, the
-- upgrade and verify.
create or replace function SCHEMA.ov_event_payload(
    p_tenant varchar, p_stream uuid, p_version bigint, p_type varchar, p_at timestamptz, p_data jsonb)
returns bytea language sql immutable parallel safe as $$
    select convert_to(concat_ws(E'\n', 'ov-chain-1', p_tenant, p_stream::text, p_version::text, p_type,
        to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_data::text), 'UTF8')
$$;

-- How far the chain has come: every event up to chained_through is hashed (or was a gap given up on, see
-- ov_chain_advance). gap/gap_seen: the first missing sequence above it and when it was first seen missing.
create table if not exists SCHEMA.ov_chain_progress (
    id int primary key check (id = 1),
    chained_through bigint not null,
    gap bigint,
    gap_seen timestamptz
);

-- Sequence numbers the keeper gave up waiting for (see ov_chain_advance): if one of them commits after all, the
-- keeper hashes its stream then. Kept an hour; a number never used (an append that failed) just expires.
create table if not exists SCHEMA.ov_chain_skipped (
    seq_id bigint primary key,
    skipped_at timestamptz not null
);

-- Hashes a set of events, a range of sequence numbers or one stream, in (tenant, stream, version) order and
-- stores the hashes. Each stream's first event in the set finds the hash before it by key; the rest chain on
-- in memory. Events already hashed are passed over, so chaining the same events twice, or concurrently,
-- stores each hash once. Returns how many events it hashed.
create or replace function SCHEMA.ov_chain_rows(p_tenant varchar, p_stream uuid, p_after bigint, p_upto bigint)
returns int language plpgsql security definer set search_path = pg_catalog, SCHEMA as $$
declare
    r record; events refcursor; previous bytea; tenants varchar[] := '{}'; streams uuid[] := '{}';
    versions bigint[] := '{}'; seqs bigint[] := '{}'; hashes bytea[] := '{}'; n int := 0;
    broken uuid; broken_tenant varchar;
begin
    if p_stream is null then
        open events for
            select e.tenant_id, e.stream_id, e.version, e.seq_id,
                   SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type, e."timestamp", e.data)
                       as payload
              from SCHEMA.mt_events e
             where e.seq_id > p_after and e.seq_id <= p_upto and e.type <> 'tombstone'
               and not exists (select 1 from SCHEMA.ov_event_hashes h
                                where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version)
             order by e.tenant_id, e.stream_id, e.version;
    else
        open events for
            select e.tenant_id, e.stream_id, e.version, e.seq_id,
                   SCHEMA.ov_event_payload(e.tenant_id, e.stream_id, e.version, e.type, e."timestamp", e.data)
                       as payload
              from SCHEMA.mt_events e
             where e.tenant_id = p_tenant and e.stream_id = p_stream and e.type <> 'tombstone'
               and not exists (select 1 from SCHEMA.ov_event_hashes h
                                where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version)
             order by e.version;
    end if;
    loop
        fetch events into r;
        exit when not found;
        if broken is not distinct from r.stream_id and broken_tenant is not distinct from r.tenant_id then
            continue;
        end if;
        if n > 0 and streams[n] = r.stream_id and tenants[n] = r.tenant_id and versions[n] = r.version - 1 then
            previous := hashes[n];
        elsif r.version = 1 then
            previous := null;
        else
            previous := (select h.hash from SCHEMA.ov_event_hashes h
                          where h.tenant_id = r.tenant_id and h.stream_id = r.stream_id and h.version = r.version - 1);
            if previous is null then
                -- In a range, the previous event committed after the keeper passed its number: chain the whole
                -- stream's unhashed events in version order instead. Within a stream, a hash that is gone
                -- leaves the rest unchained.
                if p_stream is null then
                    perform SCHEMA.ov_chain_rows(r.tenant_id, r.stream_id, null, null);
                end if;
                broken := r.stream_id; broken_tenant := r.tenant_id;
                continue;
            end if;
        end if;
        n := n + 1;
        tenants[n] := r.tenant_id; streams[n] := r.stream_id; versions[n] := r.version; seqs[n] := r.seq_id;
        hashes[n] := sha256(coalesce(previous, '\x'::bytea) || r.payload);
    end loop;
    close events;
    insert into SCHEMA.ov_event_hashes (tenant_id, stream_id, version, seq_id, hash)
    select * from unnest(tenants, streams, versions, seqs, hashes)
    on conflict do nothing;
    return n;
end $$;

-- The chain keeper's step (ChainKeeper calls it on every node a few times a second; verify and the money
-- checks call it too): hashes the committed events after chained_through, at most p_limit sequence numbers
-- at a time, and moves chained_through on. Hashing behind the append rather than inside it keeps appends at
-- the speed they have without a chain (docs/architecture.md, "Tamper evidence"). Only a contiguous run of
-- sequence numbers is taken: a missing one may belong to a transaction not yet committed, so the keeper
-- waits for it, and gives up on it after 5 seconds (an append that failed, whose number is never used), but
-- remembers it for an hour (ov_chain_skipped): an event that commits that late is hashed when it appears.
-- One keeper at a time (an advisory lock); -1 when another holds it. Returns how many sequence numbers it
-- moved on (0: nothing new, or waiting for a gap).
create or replace function SCHEMA.ov_chain_advance(p_limit int default 5000) returns int
language plpgsql security definer set search_path = pg_catalog, SCHEMA as $$
declare
    progress SCHEMA.ov_chain_progress; upto bigint; next_seq bigint;
begin
    if not pg_try_advisory_xact_lock(7384061, 1) then
        return -1;
    end if;
    if exists (select 1 from SCHEMA.ov_chain_skipped) then
        perform SCHEMA.ov_chain_rows(e.tenant_id, e.stream_id, null, null)
           from SCHEMA.mt_events e join SCHEMA.ov_chain_skipped s on s.seq_id = e.seq_id
          where e.type <> 'tombstone';
        delete from SCHEMA.ov_chain_skipped s
         where s.skipped_at < clock_timestamp() - interval '1 hour'
            or exists (select 1 from SCHEMA.mt_events e where e.seq_id = s.seq_id);
    end if;
    select * into progress from SCHEMA.ov_chain_progress where id = 1;
    if not found then
        insert into SCHEMA.ov_chain_progress (id, chained_through) values (1, 0) returning * into progress;
    end if;
    select max(s.seq_id) into upto
      from (select e.seq_id, e.seq_id - progress.chained_through - row_number() over (order by e.seq_id) as missing
              from SCHEMA.mt_events e
             where e.seq_id > progress.chained_through and e.seq_id <= progress.chained_through + p_limit) s
     where s.missing = 0;
    if upto is null then
        next_seq := (select min(e.seq_id) from SCHEMA.mt_events e where e.seq_id > progress.chained_through);
        if next_seq is null then
            return 0;
        end if;
        if progress.gap is distinct from progress.chained_through + 1 then
            update SCHEMA.ov_chain_progress set gap = progress.chained_through + 1, gap_seen = clock_timestamp()
             where id = 1;
            return 0;
        end if;
        if clock_timestamp() - progress.gap_seen < interval '5 seconds' then
            return 0;
        end if;
        insert into SCHEMA.ov_chain_skipped (seq_id, skipped_at)
        select g, clock_timestamp() from generate_series(progress.gap, least(next_seq - 1, progress.gap + 999)) g
        on conflict do nothing;
        upto := next_seq - 1;
    end if;
    update SCHEMA.ov_chain_progress set chained_through = upto, gap = null, gap_seen = null where id = 1;
    perform SCHEMA.ov_chain_rows(null, null, progress.chained_through, upto);
    return upto - progress.chained_through;
end $$;

-- Every committed event after the keeper's marker, whatever gaps lie between (verify, which must give the same
-- answer on a database and on its restored copy, whether or not a keeper has waited out a gap there). The marker
-- stays where it is: a number still in flight below these events is hashed when it commits. Returns the highest
-- sequence number now stored: every event up to it that can be hashed is.
create or replace function SCHEMA.ov_chain_visible() returns bigint
language plpgsql security definer set search_path = pg_catalog, SCHEMA as $$
declare
    through bigint := coalesce((select chained_through from SCHEMA.ov_chain_progress where id = 1), 0);
    upto bigint := coalesce((select max(seq_id) from SCHEMA.mt_events), 0);
begin
    if upto > through then
        perform SCHEMA.ov_chain_rows(null, null, through, upto);
    end if;
    return greatest(through, upto);
end $$;

-- One stream's events not hashed yet, in version order (a money decision checks its pool's stream against
-- the chain and must not wait for the keeper).
create or replace function SCHEMA.ov_chain_stream(p_tenant varchar, p_stream uuid) returns int
language sql security definer set search_path = pg_catalog, SCHEMA as $$
    select SCHEMA.ov_chain_rows(p_tenant, p_stream, null, null)
$$;

-- Chaining moved out of the append: the trigger of earlier versions goes.
drop trigger if exists ov_chain on SCHEMA.mt_events;
drop function if exists SCHEMA.ov_chain_events();
drop function if exists SCHEMA.ov_chain_event();
drop function if exists SCHEMA.ov_event_hash(bytea, varchar, uuid, bigint, varchar, timestamptz, jsonb);

-- Upgrade (and `migrate`, which runs with the app stopped): chain every event not hashed yet, stream by stream
-- in version order (hash = SHA-256 of the previous hash, none for a stream's first event, and the payload),
-- and start the keeper after the last event.
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
    insert into SCHEMA.ov_chain_progress (id, chained_through)
    values (1, coalesce((select max(seq_id) from SCHEMA.mt_events), 0))
    on conflict (id) do update set chained_through = greatest(SCHEMA.ov_chain_progress.chained_through,
                                                              excluded.chained_through);
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

comment on table SCHEMA.ov_chain_progress is 'chain.sql 6';
