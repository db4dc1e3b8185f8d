-- ./openvalue.sh's local cluster: the schema's owner (OWNER) and the app's runtime role (RUNTIME) exist
-- with the passwords kept beside the cluster, and OWNER owns the database and everything already in
-- SCHEMA (a cluster created before the two roles had everything owned by the superuser). Run as the
-- superuser; `migrate --runtime-role RUNTIME` then grants the runtime role its rights.
do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'OWNER') then create role OWNER login; end if;
    if not exists (select 1 from pg_roles where rolname = 'RUNTIME') then create role RUNTIME login; end if;
end $$;
alter role OWNER nosuperuser nocreaterole nocreatedb login password :'owner_password';
alter role RUNTIME nosuperuser nocreaterole nocreatedb login password :'runtime_password';
alter database DATABASE owner to OWNER;
revoke create on schema public from RUNTIME;
do $$ declare r record; begin
    if not exists (select 1 from pg_namespace where nspname = 'SCHEMA') then return; end if;
    execute 'alter schema SCHEMA owner to OWNER';
    for r in select format('alter %s SCHEMA.%I owner to OWNER', case c.relkind when 'S' then 'sequence' else 'table' end, c.relname) as ddl
               from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'SCHEMA' and c.relkind in ('r', 'p', 'S') and pg_get_userbyid(c.relowner) <> 'OWNER'
                and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
    loop execute r.ddl; end loop;
    for r in select format('alter function SCHEMA.%I(%s) owner to OWNER', p.proname, pg_get_function_identity_arguments(p.oid)) as ddl
               from pg_proc p join pg_namespace n on n.oid = p.pronamespace
              where n.nspname = 'SCHEMA' and pg_get_userbyid(p.proowner) <> 'OWNER'
    loop execute r.ddl; end loop;
end $$;
