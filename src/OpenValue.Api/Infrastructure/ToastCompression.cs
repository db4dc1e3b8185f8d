using Marten;
using Marten.Schema;
using Npgsql;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Runs at startup, after Marten has applied the schema: stores every large value of the app's tables
/// (event bodies, documents, the ledger's checkpoint arrays) with LZ4 instead of PostgreSQL's default pglz.
/// A distribution over 100,000 members is an event and a document of tens of MB each; pglz compressing them
/// took about a third of a proposal's time (docs/performance.md, measurement 5). LZ4 compresses several
/// times faster for a slightly larger result. It changes only how new values are stored: values already
/// stored stay readable as they are. Skipped on a server without LZ4 (before PostgreSQL 14, or built
/// without it); on a database already set it is one catalogue lookup. Wolverine's own tables (its inbox and
/// outbox, small messages) are left as Wolverine creates them, which it does after this step. A table that
/// another transaction holds for more than 5 s is left for the next start.
/// </summary>
public sealed class ToastCompression : IInitialData
{
    /// <summary>
    /// Every column of the schema whose type PostgreSQL may compress (storage extended or main) and that is
    /// not LZ4 yet. <c>attcompression</c> exists from PostgreSQL 14, so the query is built only after the
    /// version check.
    /// </summary>
    private const string Sql = """
        do $$
        declare c record;
        begin
          -- One starting node at a time (the schema steps' advisory lock, as chain.sql takes it): two nodes
          -- altering the same tables at once deadlock.
          perform pg_advisory_xact_lock(7384061, 2);
          if current_setting('server_version_num')::int < 140000
             or not exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
            return;
          end if;
          -- The change takes a brief exclusive lock on each table; waiting behind a long transaction would
          -- queue every other query behind it, so give up after a few seconds.
          perform set_config('lock_timeout', '5s', true);
          for c in execute $q$
            select format('alter table %I.%I alter column %I set compression lz4', n.nspname, t.relname, a.attname) as ddl
            from pg_attribute a
              join pg_class t on t.oid = a.attrelid
              join pg_namespace n on n.oid = t.relnamespace
              join pg_type ty on ty.oid = a.atttypid
            where n.nspname = $s$SCHEMA$s$ and t.relname not like 'wolverine\_%' and t.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
              and ty.typstorage in ('x', 'm') and a.attcompression is distinct from 'l'
            $q$
          loop
            begin
              execute c.ddl;
            exception when lock_not_available then
              null; -- a long transaction holds the table: leave it to the next start, never block the others
            end;
          end loop;
        end $$;
        """;

    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        Apply(store.Storage.Database.CreateConnection(), store.Options.DatabaseSchemaName, cancellation);

    /// <summary>The same step for a store that is not hosted (the benchmarks), on a connection it then disposes.</summary>
    public static async Task Apply(NpgsqlConnection connection, string schema, CancellationToken cancellation)
    {
        await using (connection)
        {
            if (connection.State != System.Data.ConnectionState.Open)
                await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand(Sql.Replace("SCHEMA", schema.Replace("$", "")), connection);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
