using System.Text.Json;
using Npgsql;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Integrity;

public sealed record Break(string Kind, string What, Guid? StreamId, long? Version, long? Sequence, string? Document);

public sealed record Head(long Sequence, long Events, string Hash);

public sealed record Report(Guid NetworkId, bool Intact, Head Head, long EventsChecked, int AnchorsChecked,
    int DocumentsChecked,
    int LedgerRowsChecked, Break? FirstBreak, IReadOnlyList<Break> Breaks);

/// <summary>
/// A network with money in it (income, one distribution paid, a second proposed) and an attacker's access to its
/// database: the tests connect as OPENVALUE_DB's role (the throwaway cluster's superuser) and change rows
/// behind the app's back.
/// </summary>
public sealed record Ledgered(FoundedNetwork Network, Member Bob, Guid Paid, Guid Proposed)
{
    public Guid Pool => DerivedIds.Pool(Network.NetworkId, null);
    public string Tenant => Network.NetworkId.ToString();
}

public static class Tampering
{
    public static async Task<Ledgered> Ledgered(this ApiClient api)
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        // A recorded chain head folds up to the high-water mark, which the daemon moves a moment after each commit.
        await api.App.AsyncProjectionsCaughtUp();
        var paid = (await api.Proposed(network, "30.00")).DistributionId;
        await api.Paid(network, paid);
        await api.App.AsyncProjectionsCaughtUp();
        var proposed = (await api.Proposed(network, "20.00")).DistributionId;
        return new Ledgered(network, bob, paid, proposed);
    }

    public static async Task<Report> Integrity(this ApiClient api, FoundedNetwork network)
    {
        var (status, body, _) = await api.Get(network.Url("/integrity"), network.Token);
        status.Should().Be(200, body?.ToJsonString());
        return body.Deserialize<Report>(ApiClient.JsonOptions)!;
    }

    /// <summary>
    /// Runs SQL as the database's superuser, the way someone with access to the server could: statements separated by
    /// ";" and a line end, in one transaction, each given the same parameters.
    /// </summary>
    public static async Task Sql(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("OPENVALUE_DB"));
        await connection.OpenAsync();
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

    /// <summary>The chain's break the report names first: which stream and version, and what kind.</summary>
    public static void ShouldNameFirst(this Report report, string kind, Guid? streamId, long? version = null,
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
