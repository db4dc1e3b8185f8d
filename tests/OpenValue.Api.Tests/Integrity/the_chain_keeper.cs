using System.Diagnostics;
using Npgsql;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Treasury;
using static OpenValue.Api.Tests.Integrity.Tampering;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// The chain is written behind the appends (Integrity/ChainKeeper, chain.sql's <c>ov_chain_advance</c>): these
/// tests watch the app's own keeper, on the real clock, hash what commits, wait for a sequence number still in
/// flight, give it up after 5 s, and hash its event when it commits late after all.
/// </summary>
[Collection(AppCollection.Name)]
public class the_chain_keeper(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task hashes_an_append_a_moment_after_it_commits()
    {
        var n = await api.Found();
        await ChainCaughtUp();
        var clock = Stopwatch.StartNew();
        await api.RecordIncome(n, "12.34");
        var pool = DerivedIds.Pool(n.NetworkId, null);

        (await Hashed(n, pool, TimeSpan.FromSeconds(10))).Should().BeTrue("the keeper polls every 200 ms");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);
        report.EventsChecked.Should().Be(await app.EventCount(n.NetworkId));
    }

    [Fact]
    public async Task waits_for_an_append_in_flight_gives_it_up_after_5_s_and_hashes_it_when_it_commits_late()
    {
        var n = await api.Found();
        var (tenant, late, pool) = (n.NetworkId.ToString(), Guid.NewGuid(), DerivedIds.Pool(n.NetworkId, null));
        await api.RecordIncome(n, "2.00");
        await ChainCaughtUp();

        // An append that takes its sequence number now and commits only after the keeper gave up on it: a copy of
        // the income event on a stream of its own (an event type every projection knows).
        await using var slow = new NpgsqlConnection(Environment.GetEnvironmentVariable("OPENVALUE_DB"));
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        foreach (var sql in new[]
                 {
                     "insert into openvalue.mt_streams (tenant_id, id, type, version) select $1, $2, type, 1 " +
                     "from openvalue.mt_streams where tenant_id = $1 and id = $3",
                     """
                     insert into openvalue.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id,
                                                      mt_dotnet_type)
                     select nextval('openvalue.mt_events_sequence'), gen_random_uuid(), $2, 1, data, type, now(),
                            tenant_id, mt_dotnet_type
                       from openvalue.mt_events where tenant_id = $1 and stream_id = $3 and version = 1
                     """,
                 })
        {
            await using var insert = new NpgsqlCommand(sql, slow, transaction);
            insert.Parameters.AddWithValue(tenant);
            insert.Parameters.AddWithValue(late);
            insert.Parameters.AddWithValue(pool);
            await insert.ExecuteNonQueryAsync();
        }
        var held = Stopwatch.StartNew();
        await api.RecordIncome(n, "1.00");

        (await Hashed(n, pool, TimeSpan.FromSeconds(2))).Should().BeFalse(
            "the keeper waits while a lower sequence number may still commit");
        (await Hashed(n, pool, TimeSpan.FromSeconds(15))).Should().BeTrue("after 5 s it gives the number up");
        held.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(4.5));

        await transaction.CommitAsync();
        (await Hashed(n, late, TimeSpan.FromSeconds(10))).Should().BeTrue(
            "a number given up on is remembered, and its event hashed when it appears");
    }

    [Fact]
    public async Task a_history_stored_before_the_chain_is_chained_when_the_schema_is_applied()
    {
        var n = await api.Found();
        await api.RecordIncome(n, "3.00");
        await api.RecordIncome(n, "4.00");
        var pool = DerivedIds.Pool(n.NetworkId, null);
        // As a database of a build without the chain: no hashes for this network, the keeper already past them,
        // and chain.sql not applied yet (its version mark gone).
        await Sql("delete from openvalue.ov_event_hashes where tenant_id = $1;\n" +
                  "update openvalue.ov_chain_progress set chained_through = " +
                  "(select max(seq_id) from openvalue.mt_events);\n" +
                  "comment on table openvalue.ov_chain_progress is null", n.NetworkId.ToString());
        (await Hashed(n, pool, TimeSpan.Zero)).Should().BeFalse();

        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("OPENVALUE_DB"));
        await Api.Integrity.EventChain.Apply(connection, "openvalue", CancellationToken.None);

        (await Hashed(n, pool, TimeSpan.Zero)).Should().BeTrue("the upgrade chains every event without a hash");
        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);
        report.EventsChecked.Should().Be(await app.EventCount(n.NetworkId));
    }

    /// <summary>Whether every event of the stream has its hash, polling until <paramref name="within"/>.</summary>
    private async Task<bool> Hashed(FoundedNetwork n, Guid stream, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var unhashed = await app.Scalar<long>("""
                select count(*) from openvalue.mt_events e
                 where e.tenant_id = $1 and e.stream_id = $2 and not exists (select 1 from openvalue.ov_event_hashes h
                       where h.tenant_id = e.tenant_id and h.stream_id = e.stream_id and h.version = e.version)
                """, n.NetworkId.ToString(), stream);
            if (unhashed == 0) return true;
            if (clock.Elapsed > within) return false;
            await Task.Delay(50);
        }
    }
}
