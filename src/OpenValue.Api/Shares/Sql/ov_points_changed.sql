-- A scope changed: its version takes the sequence's next number, once per transaction (readers see only
-- committed states; and a row updated on every entry of a long transaction, a bulk load or a rebuild page,
-- grows a chain of versions that each update walks: quadratic). Taken under the scope's lock, so versions
-- grow in commit order.
create or replace function SCHEMA.ov_points_changed(p_tenant varchar, p_scope uuid) returns void
language sql as $$
    insert into SCHEMA.ov_points_versions as v (tenant_id, scope, version, xact)
    values (p_tenant, p_scope, nextval('SCHEMA.ov_points_version'), txid_current())
    on conflict (tenant_id, scope) do update set version = excluded.version, xact = excluded.xact
    where v.xact is distinct from excluded.xact;
$$;
