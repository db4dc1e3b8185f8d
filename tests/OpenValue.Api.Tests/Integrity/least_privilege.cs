using Npgsql;
using OpenValue.Api.Integrity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// The runtime role that `migrate --runtime-role` grants (Sql/grants.sql): not a superuser, and refused every
/// way of rewriting the event store; yet the app runs on it, chain and all.
/// </summary>
[Collection(AppCollection.Name)]
public class least_privilege(AppFixture app)
{
    private const string Role = "openvalue_test_runtime";
    private static readonly string Password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    private static string Owner => Environment.GetEnvironmentVariable("OPENVALUE_DB")!;

    private static async Task<string> RuntimeRole()
    {
        await Tampering.Sql($"""
            do $$ begin if not exists (select 1 from pg_roles where rolname = '{Role}') then create role {Role} login; end if; end $$;
            alter role {Role} nosuperuser login password '{Password}'
            """);
        await using var db = NpgsqlDataSource.Create(Owner);
        await Migration.Grant(db, "openvalue", Role, CancellationToken.None);
        return new NpgsqlConnectionStringBuilder(Owner) { Username = Role, Password = Password }.ConnectionString;
    }

    [Theory]
    [InlineData("update openvalue.mt_events set data = data where seq_id = (select max(seq_id) from openvalue.mt_events)")]
    [InlineData("delete from openvalue.mt_events where seq_id = (select max(seq_id) from openvalue.mt_events)")]
    [InlineData("truncate openvalue.mt_events")]
    [InlineData("delete from openvalue.mt_streams where id = (select stream_id from openvalue.mt_events order by seq_id desc limit 1)")]
    [InlineData("update openvalue.mt_streams set id = gen_random_uuid() where version = 1")]
    [InlineData("update openvalue.ov_event_hashes set hash = '\\x00'")]
    [InlineData("insert into openvalue.ov_event_hashes select tenant_id, stream_id, version + 1000000, seq_id, hash from openvalue.ov_event_hashes limit 1")]
    [InlineData("delete from openvalue.ov_chain_anchors")]
    [InlineData("update openvalue.ov_chain_progress set chained_through = chained_through + 1000")]
    [InlineData("delete from openvalue.ov_chain_progress")]
    [InlineData("create table openvalue.intruder (id int)")]
    public async Task the_runtime_role_cannot_rewrite_the_event_store(string sql)
    {
        await api().RecordIncome(await api().Found(), "1.00"); // at least one event, stream, hash
        await using var connection = new NpgsqlConnection(await RuntimeRole());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refusal = await FluentActions.Awaiting(() => command.ExecuteNonQueryAsync()).Should()
            .ThrowAsync<PostgresException>();
        refusal.Which.SqlState.Should().BeOneOf(PostgresErrorCodes.InsufficientPrivilege, "42501");
    }

    [Fact]
    public async Task the_runtime_role_is_no_superuser_and_the_app_runs_on_it()
    {
        var connection = await RuntimeRole();
        await using (var check = new NpgsqlConnection(connection))
        {
            await check.OpenAsync();
            await using var command = new NpgsqlCommand("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user", check);
            (await command.ExecuteScalarAsync()).Should().Be(false);
        }
        var runtimeApp = new AppFixture { Connection = connection };
        await runtimeApp.InitializeAsync();
        try
        {
            var runtime = new ApiClient(runtimeApp);
            var (network, _, _) = await runtime.ThreeEqualMembers();
            await runtime.RecordIncome(network, "100.00");
            (await runtime.Propose(network, "10.00")).Status.Should().Be(201);
            var report = await runtime.Get<IntegrityReport>($"/networks/{network.NetworkId}/integrity", network.Token);
            report.Expect(200).Intact.Should().BeTrue(report.Text);
        }
        finally
        {
            await runtimeApp.DisposeAsync();
        }
    }

    [Fact]
    public async Task the_runtime_role_purges_the_tombstones_of_failed_appends_and_no_other_event()
    {
        var network = await api().Found();
        // Admissions raced on one network: the losers' appends fail (409) and leave Marten's tombstones behind.
        for (var round = 0; round < 5 && await Count("type = 'tombstone'") == 0; round++)
        {
            var races = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => api().Post(network.Url("/members"),
                new { name = $"Racer {round}.{i}", roles = new[] { "contributor" }, stakeholderClass = "labour" },
                network.Token)));
            races.Select(r => r.Status).Should().OnlyContain(status => status == 201 || status == 409);
            await Task.Delay(500); // Marten stores the tombstones of a failed append just after it
        }
        (await Count("type = 'tombstone'")).Should().BePositive("a lost race leaves tombstones");
        await app.AsyncProjectionsCaughtUp();
        var facts = await Count("type <> 'tombstone'");

        await using var connection = new NpgsqlConnection(await RuntimeRole());
        await connection.OpenAsync();
        await using var purge = new NpgsqlCommand("select openvalue.ov_purge_tombstones()", connection);
        ((long)(await purge.ExecuteScalarAsync())!).Should().BePositive();

        (await Count($"type = 'tombstone' and seq_id <= {await Passed()}")).Should().Be(0);
        (await Count("type <> 'tombstone'")).Should().Be(facts, "the purge deletes tombstones only");
        var report = await api().Integrity(network);
        report.Intact.Should().BeTrue(System.Text.Json.JsonSerializer.Serialize(report));
    }

    private static async Task<long> Count(string where) =>
        await Scalar($"select count(*) from openvalue.mt_events where {where}");

    /// <summary>The sequence number every async shard and the high-water mark have passed.</summary>
    private static Task<long> Passed() => Scalar("""
        select least((select last_seq_id from openvalue.mt_event_progression where name = 'HighWaterMark'),
                     (select min(last_seq_id) from openvalue.mt_event_progression where name not like 'HighWater%'))
        """);

    private static async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private ApiClient api() => new(app);
}
