using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// The app's data source prepares the statements a connection repeats (Storage.DataSource), so PostgreSQL
/// parses and plans a request's statements once per connection, not once per request; a connection string
/// that sets <c>Max Auto Prepare</c> keeps its own choice.
/// </summary>
public class statements_are_prepared
{
    private static string Database => Environment.GetEnvironmentVariable("OPENVALUE_DB")
        ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test.");

    [Fact]
    public async Task a_statement_repeated_on_a_connection_is_prepared_by_postgresql()
    {
        await using var source = Storage.DataSource(Database);
        await using var connection = await source.OpenConnectionAsync();
        for (var i = 0; i < 5; i++)
        {
            await using var repeated = new NpgsqlCommand("select $1::int + 1", connection) { Parameters = { new() { Value = i } } };
            (await repeated.ExecuteScalarAsync()).Should().Be(i + 1);
        }

        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement like 'select $1::int + 1%'", connection);
        ((long)(await prepared.ExecuteScalarAsync())!).Should().Be(1);
        await using var planning = new NpgsqlCommand("show plan_cache_mode", connection);
        (await planning.ExecuteScalarAsync()).Should().Be("force_custom_plan", "a prepared statement is still planned for its values");
    }

    [Fact]
    public async Task custom_planning_survives_a_pooled_connection_being_reused()
    {
        await using var source = Storage.DataSource(Database + ";Maximum Pool Size=1");
        await using (var first = await source.OpenConnectionAsync())
        {
            await using var reset = new NpgsqlCommand("set plan_cache_mode = auto", first);
            await reset.ExecuteNonQueryAsync();
        }
        await using var again = await source.OpenConnectionAsync();
        await using var planning = new NpgsqlCommand("show plan_cache_mode", again);
        (await planning.ExecuteScalarAsync()).Should().Be("force_custom_plan");
    }

    [Fact]
    public async Task a_connection_string_that_turns_preparation_off_is_obeyed()
    {
        await using var source = Storage.DataSource(Database + ";Max Auto Prepare=0");
        new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare.Should().Be(0);
        await using var connection = await source.OpenConnectionAsync();
        for (var i = 0; i < 5; i++)
        {
            await using var repeated = new NpgsqlCommand("select $1::int + 2", connection) { Parameters = { new() { Value = i } } };
            await repeated.ExecuteScalarAsync();
        }

        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements", connection);
        ((long)(await prepared.ExecuteScalarAsync())!).Should().Be(0);
        await using var planning = new NpgsqlCommand("show plan_cache_mode", connection);
        (await planning.ExecuteScalarAsync()).Should().Be("auto", "nothing is prepared, so nothing is set");
    }

    [Fact]
    public void by_default_each_connection_keeps_up_to_a_hundred_statements_prepared()
    {
        using var source = Storage.DataSource("Host=localhost;Database=any");
        new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare.Should().Be(Storage.AutoPrepared);
    }
}
