using Alba;
using JasperFx.CommandLine;
using Npgsql;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// An app started with <c>OpenValue:ApplySchemaOnStartup=false</c> (as <c>./openvalue.sh run</c> and the container
/// start it, after <c>migrate</c>) creates no schema object itself: on a database nobody migrated it refuses to
/// start, and the database stays empty.
/// </summary>
public sealed class no_schema_changes_at_runtime : IAsyncLifetime
{
    private static readonly NpgsqlConnectionStringBuilder Server = new(
        Environment.GetEnvironmentVariable("OPENVALUE_DB")
        ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test."));

    private static readonly string Empty = $"{Server.Database}_never_migrated";

    private static string On(string database) =>
        new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = database }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var db = NpgsqlDataSource.Create(On("postgres"));
        await using var drop = db.CreateCommand($"drop database if exists \"{Empty}\" with (force)");
        await drop.ExecuteNonQueryAsync();
        await using var create = db.CreateCommand($"create database \"{Empty}\"");
        await create.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_app_that_may_not_change_the_schema_refuses_an_unmigrated_database_and_creates_nothing()
    {
        JasperFxEnvironment.AutoStartHost = true;
        var start = async () =>
        {
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseSetting("OPENVALUE_DB", On(Empty));
                builder.UseSetting("OpenValue:ApplySchemaOnStartup", "false");
            });
        };

        (await start.Should().ThrowAsync<Exception>()).Where(e => e.ToString().Contains("resources setup"),
            "Wolverine finds no message storage, which it may not create");
        await using var db = NpgsqlDataSource.Create(On(Empty));
        await using var objects = db.CreateCommand("""
            select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
            """);
        (await objects.ExecuteScalarAsync()).Should().Be(0L, "no table, sequence or index was created");
        await using var schemas = db.CreateCommand("select count(*) from pg_namespace where nspname = 'openvalue'");
        (await schemas.ExecuteScalarAsync()).Should().Be(0L);
        await using var functions = db.CreateCommand("""
            select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname not in ('pg_catalog', 'information_schema')
            """);
        (await functions.ExecuteScalarAsync()).Should().Be(0L);
    }
}
