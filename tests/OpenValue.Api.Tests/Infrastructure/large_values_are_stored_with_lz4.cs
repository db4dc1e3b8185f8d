using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql.Tables;
using OpenValue.Api.Infrastructure;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// At startup the app sets LZ4 on every compressible column of its schema but Wolverine's tables
/// (ToastCompression): a large event body or document is then compressed with LZ4, not pglz, and Marten
/// still sees its schema as it configured it (no migration wanted on the next start).
/// </summary>
[Collection(AppCollection.Name)]
public class large_values_are_stored_with_lz4(AppFixture app)
{
    [Fact]
    public async Task every_compressible_column_of_the_schema_uses_lz4_when_the_server_has_it()
    {
        var lz4 = await ServerHasLz4();
        var columns = await Columns();

        columns.Should().Contain(c => c.Table == "mt_events" && c.Column == "data")
            .And.Contain(c => c.Table == "mt_doc_distribution" && c.Column == "data")
            .And.Contain(c => c.Table == "ov_points_checkpoints" && c.Column == "points");
        columns.Should().OnlyContain(c => c.Compression == (lz4 ? "l" : ""),
            "the app sets LZ4 on every such column when the server supports it, and touches none otherwise");
    }

    [Fact]
    public async Task a_large_event_body_is_compressed_with_lz4_and_reads_back_whole()
    {
        if (!await ServerHasLz4())
            return; // nothing to check on such a server: the other test proves nothing was changed
        var tenant = Guid.NewGuid().ToString();
        var distributionId = Guid.CreateVersion7();
        // Varied text, so the value is large after compression too and goes out of line as well.
        var reason = string.Join(' ', Enumerable.Range(0, 4000).Select(i => $"line {i} bounced {i * 7919 % 10007}"));
        await using (var session = app.Store.LightweightSession(tenant))
        {
            session.Events.Append(distributionId, new DistributionCancelled(distributionId, reason, Guid.NewGuid(), AppFixture.Start));
            await session.SaveChangesAsync();
        }

        var compression = await Scalar<string>(
            "select pg_column_compression(data) from openvalue.mt_events where stream_id = $1", distributionId);
        compression.Should().Be("lz4");
        await using var query = app.Store.QuerySession(tenant);
        var stored = (await query.Events.FetchStreamAsync(distributionId)).Single().Data;
        stored.Should().BeOfType<DistributionCancelled>().Which.Reason.Should().Be(reason);
    }

    [Fact]
    public async Task marten_still_finds_its_tables_as_configured()
    {
        // Weasel compares SQL functions by their text and always finds the ledger's functions changed, so only
        // the tables are asserted: a compression change that looked like a difference would show here.
        var migration = await app.Store.Storage.Database.CreateMigrationAsync();
        var tables = migration.Deltas.Where(d => d.SchemaObject is Table).ToList();
        tables.Should().Contain(d => d.SchemaObject.Identifier.Name == "mt_events");
        tables.Where(d => d.Difference != SchemaPatchDifference.None).Select(d => d.SchemaObject.Identifier.QualifiedName)
            .Should().BeEmpty();
    }

    [Fact]
    public async Task a_table_held_by_a_long_transaction_is_left_for_the_next_start_without_failing_it()
    {
        if (!await ServerHasLz4())
            return;
        const string probe = "openvalue.ov_lz4_probe";
        await Execute($"drop table if exists {probe}; create table {probe} (body jsonb); alter table {probe} alter column body set compression pglz");
        try
        {
            await using var holder = app.Store.Storage.Database.CreateConnection();
            await holder.OpenAsync();
            await using (var hold = await holder.BeginTransactionAsync())
            {
                await using (var read = new NpgsqlCommand($"select count(*) from {probe}", holder, hold))
                    await read.ExecuteScalarAsync(); // holds an access-share lock until the transaction ends

                await ToastCompression.Apply(app.Store.Storage.Database.CreateConnection(), "openvalue", CancellationToken.None);
                (await Compression("ov_lz4_probe")).Should().Be("p", "the table was held, so it is left as it was");
            }

            await ToastCompression.Apply(app.Store.Storage.Database.CreateConnection(), "openvalue", CancellationToken.None);
            (await Compression("ov_lz4_probe")).Should().Be("l", "once the table is free the next start sets it");
        }
        finally
        {
            await Execute($"drop table if exists {probe}");
        }
    }

    private Task<bool> ServerHasLz4() =>
        Scalar<bool>("select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals))");

    private async Task<string> Compression(string table) =>
        (await Columns()).Single(c => c.Table == table).Compression;

    private async Task Execute(string sql)
    {
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<(string Table, string Column, string Compression)>> Columns()
    {
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select t.relname, a.attname, a.attcompression::text
            from pg_attribute a
              join pg_class t on t.oid = a.attrelid
              join pg_namespace n on n.oid = t.relnamespace
              join pg_type ty on ty.oid = a.atttypid
            where n.nspname = 'openvalue' and t.relname not like 'wolverine\_%' and t.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
              and ty.typstorage in ('x', 'm')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, string, string)>();
        while (await reader.ReadAsync())
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return columns;
    }

    private async Task<T> Scalar<T>(string sql, params object[] parameters)
    {
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
