using Npgsql;
using OpenValue.Api.Integrity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Integrity;

public static class Tampering
{
    public static async Task<Ledgered> Ledgered(this ApiClient api)
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        // A recorded chain head folds up to where the chain keeper has come, a moment behind each commit.
        await ChainCaughtUp();
        var paid = (await api.Proposed(network, "30.00")).DistributionId;
        await api.Paid(network, paid);
        await ChainCaughtUp();
        var proposed = (await api.Proposed(network, "20.00")).DistributionId;
        return new Ledgered(network, bob, paid, proposed);
    }

    public static async Task<IntegrityReport> Integrity(this ApiClient api, FoundedNetwork network) =>
        (await api.Get<IntegrityReport>(network.Url("/integrity"), network.Token)).Expect(200);

    /// <summary>
    /// Runs SQL as the database's superuser, the way someone with access to the server could: statements separated by
    /// ";" and a line end, in one transaction, each given the same parameters.
    /// </summary>
    public static async Task Sql(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("OPENVALUE_DB"));
        await connection.OpenAsync();
        await ChainCaughtUp(connection);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in sql.Split(";\n",
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement.TrimEnd(';'), connection, transaction);
            foreach (var parameter in parameters.Where(_ =>
                statement.Contains('$'))) command.Parameters.AddWithValue(parameter);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The chain keeper has hashed every committed event: the history the tests tamper with was chained first,
    /// as it is a moment after each append in the app.
    /// </summary>
    public static async Task ChainCaughtUp()
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("OPENVALUE_DB"));
        await connection.OpenAsync();
        await ChainCaughtUp(connection);
    }

    public static async Task ChainCaughtUp(NpgsqlConnection connection)
    {
        await using var step = new NpgsqlCommand("select openvalue.ov_chain_advance(5000)", connection);
        for (var waits = 0; waits < 500;)
            switch (Convert.ToInt64(await step.ExecuteScalarAsync()))
            {
                case 0: return;
                case < 0: waits++; await Task.Delay(20); break;
            }
        throw new TimeoutException("The chain keeper's lock was held for 10 s.");
    }

    /// <summary>The chain's break the report names first: which stream and version, and what kind.</summary>
    public static void ShouldNameFirst(this IntegrityReport report, string kind, Guid? streamId, long? version = null,
        string? what = null)
    {
        report.Intact.Should().BeFalse();
        var first = report.FirstBreak!;
        first.Kind.Should().Be(kind, first.What);
        first.StreamId.Should().Be(streamId, first.What);
        if (version is not null) first.Version.Should().Be(version, first.What);
        if (what is not null) first.What.Should().Contain(what);
    }
}
