using System.Diagnostics;
using Alba;
using JasperFx.CommandLine;
using NodaTime;
using Npgsql;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Governance;
using Xunit.Abstractions;

namespace OpenValue.Api.Tests.Governance;

/// <summary>
/// The close at the deadline is a durable scheduled Wolverine message stored in PostgreSQL: a host stopped before
/// the deadline loses nothing, and a new host on the same database closes the proposal when it falls due. The
/// hosts run on the wall clock (the shared test host's clock is fake), on a database of their own so the shared
/// host cannot take the message.
/// </summary>
public sealed class closing_survives_a_restart(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string database = $"openvalue_restart_{Guid.NewGuid():N}";
    private string connection = "";

    private static NpgsqlConnectionStringBuilder Server() =>
        new(Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test."));

    public async Task InitializeAsync()
    {
        var server = Server();
        connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }
            .ConnectionString;
        await Admin($"create database \"{database}\"");
    }

    public Task DisposeAsync() => Admin($"drop database if exists \"{database}\" with (force)");

    private static async Task Admin(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(Server().ConnectionString) { Database = "postgres",
            Pooling = false };
        await using var db = new NpgsqlConnection(admin.ConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private Task<IAlbaHost> Start()
    {
        JasperFxEnvironment.AutoStartHost = true;
        return AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("OPENVALUE_DB", connection);
            builder.UseSetting("OpenValue:FoundingsPerHour", "0");
        });
    }

    [Fact]
    public async Task a_new_host_on_the_same_database_closes_the_proposal_at_its_deadline()
    {
        FoundedNetwork n;
        Guid p;
        Instant closesAt;
        await using (var first = await Start())
        {
            var api = new ApiClient(first);
            n = await api.Found();
            var bob = await api.Admit(n, "Bob", "labour", "contributor");
            (await api.Post($"/networks/{n.NetworkId}/governance-policy", new { minimumDays = new { standard = 0 } },
                n.Token))
                .Status.Should().Be(200);
            closesAt = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(8);
            p = await api.Propose(n, bob.Token, new
            {
                title = "We meet on Mondays", kind = "decision",
                    change = new { text = "The weekly call moves to Monday." },
                closesAt = closesAt.ToString(),
            });
            await api.State(n, p, n.Token, "agree"); // Bob never states one: it cannot close early
        }
        // Stopped before the deadline, or the test proves nothing.
        SystemClock.Instance.GetCurrentInstant().Should().BeLessThan(closesAt);

        await using var second = await Start();
        var again = new ApiClient(second);
        (await again.Proposal(n, p, n.Token)).Status.Should().Be(ProposalStatus.Open);
        var waited = Stopwatch.StartNew();
        var proposal = await again.Proposal(n, p, n.Token);
        while (proposal.Status == ProposalStatus.Open && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
            proposal = await again.Proposal(n, p, n.Token);
        }
        proposal.Status.Should().Be(ProposalStatus.Passed, proposal.ToString());
        proposal.Outcome!.Early.Should().BeFalse();
        // 2 eligible, Ada agreed, Bob silent: a standard decision passes with no block.
        proposal.Tally().Should().Be("2/1/1/0/0/0");
        // The deadline as the proposal holds it: the request sent it to the whole second (Instant.ToString()).
        proposal.ClosesAt.Should().BeLessThanOrEqualTo(closesAt).And.BeGreaterThan(closesAt - Duration.FromSeconds(1));
        var closedAt = proposal.Outcome.ClosedAt;
        closedAt.Should().BeGreaterThanOrEqualTo(proposal.ClosesAt);
        output.WriteLine(
            $"Closed {(closedAt - proposal.ClosesAt).TotalSeconds:0.0} s after its deadline, by the second host.");
    }
}
