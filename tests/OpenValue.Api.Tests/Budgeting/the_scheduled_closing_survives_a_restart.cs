using Alba;
using JasperFx.CommandLine;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using OpenValue.Api.Budgeting;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Budgeting;

namespace OpenValue.Api.Tests.Budgeting;

/// <summary>
/// The closing at the end of a round's window is a durable Wolverine message: it is stored in PostgreSQL when the
/// round opens, so an app stopped before the window ends and a new one started on the same database still closes
/// the round. The hosts run on the real clock, in a database of their own (the shared test host, on its test
/// clock, would otherwise take the message and find the window still open).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class the_scheduled_closing_survives_a_restart
{
    private static readonly Duration Window = Duration.FromSeconds(10);

    [Fact]
    public async Task a_round_open_when_the_app_stopped_is_closed_by_the_next_app_at_its_windows_end()
    {
        var (database, connection) = await FreshDatabase();
        try
        {
            var first = await Start(connection);
            var api = new ApiClient(first);
            var network = await api.Found();
            var bob = await api.Admit(network, "Bob", "labour", "contributor");
            await api.RecordIncome(network, "10.00");
            var closesAt = SystemClock.Instance.GetCurrentInstant() + Window;
            var round = (await api.Opened(network, Rounds.Round("10.00",
                closesAt: InstantPattern.ExtendedIso.Format(closesAt))))
                .RoundId;
            var jig = await api.Bucket(network, round, bob.Token, "1.00", "5.00");
            // Equal budgets: 1000 cents / 2 = 5.00 each. Ada puts 2.00 into Bob's jig (minimum 1.00): funded.
            await api.Funded(network, round, jig, network.Token, "2.00");
            (await api.RoundOf(network, round)).Status.Should().Be(RoundStatus.Open);
            await first.DisposeAsync();
            SystemClock.Instance.GetCurrentInstant().Should().BeLessThan(closesAt,
                "the app stopped before the window ended");

            await Task.Delay((closesAt - SystemClock.Instance.GetCurrentInstant()).ToTimeSpan()
                + TimeSpan.FromSeconds(1));
            await using var second = await Start(connection);
            var again = new ApiClient(second);
            var closed = await Eventually(async () => await again.RoundOf(network, round),
                r => r.Status == RoundStatus.Closed);
            closed.Status.Should().Be(RoundStatus.Closed, "the stored message survived the restart");
            closed.ClosedBy.Should().BeNull("the scheduled closing closed it, not a treasurer");
            // Paid: the jig's 2.00 to Bob; returned: 10.00 − 2.00 = 8.00.
            (closed.Paid!.Amount, closed.Returned!.Amount).Should().Be(("2.00", "8.00"));
            (await again.Ledger(network)).Undistributed.Amount.Should().Be("8.00");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Sql($"drop database if exists {database} with (force)");
        }
    }

    private static async Task<RoundResponse> Eventually(
        Func<Task<RoundResponse>> read, Func<RoundResponse, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(250);
        }
    }

    private static async Task<IAlbaHost> Start(string connection)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("OPENVALUE_DB", connection);
            builder.UseSetting("OpenValue:FoundingsPerHour", "0");
        });
    }

    private static async Task<(string Name, string Connection)> FreshDatabase()
    {
        var name = $"ov_restart_{Guid.NewGuid():N}"[..24];
        await Sql($"create database {name}");
        var owner = Environment.GetEnvironmentVariable("OPENVALUE_DB")!;
        return (name, new NpgsqlConnectionStringBuilder(owner) { Database = name }.ConnectionString);
    }

    private static async Task Sql(string sql)
    {
        await using var db = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("OPENVALUE_DB")!);
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
