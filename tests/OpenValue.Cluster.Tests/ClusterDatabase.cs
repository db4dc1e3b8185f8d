using Npgsql;

namespace OpenValue.Cluster.Tests;

/// <summary>
/// A fresh database per test on the test server (OPENVALUE_DB names the server and a superuser), and the few
/// things the tests read from it: which app node runs the activity feed's shard, how far the feed has got, and
/// the events and feed entries of a network.
/// </summary>
public sealed class ClusterDatabase
{
    private const string Schema = "openvalue";

    private ClusterDatabase(string connection) => Connection = connection;

    public string Connection { get; }

    public static async Task<ClusterDatabase> Create(string name)
    {
        var server = Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        var database = $"{builder.Database}_{name}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString)
                     { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = database;
        builder.Pooling = true;
        return new ClusterDatabase(builder.ConnectionString);
    }

    /// <summary>
    /// The Wolverine node ids registered now (each running app node has one; none before the first start).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> NodeIds() =>
        await Scalar($"select count(*) from pg_tables where schemaname = '{Schema}' and tablename = 'wolverine_nodes'") == 0
            ? []
            : await List<Guid>($"select id from {Schema}.wolverine_nodes order by node_number");

    /// <summary>The node the activity feed's shard is assigned to, if any.</summary>
    public async Task<Guid?> FeedOwner()
    {
        var owners = await List<Guid>(
            $"select node_id from {Schema}.wolverine_node_assignments where id like 'event-subscriptions://%/activity/all'");
        return owners.Count == 0 ? null : owners[0];
    }

    /// <summary>The node Wolverine elected leader (it assigns the shards), if any.</summary>
    public async Task<Guid?> Leader()
    {
        var leaders = await List<Guid>($"select node_id from {Schema}.wolverine_node_assignments where id = 'wolverine://leader/'");
        return leaders.Count == 0 ? null : leaders[0];
    }

    /// <summary>
    /// The highest sequence number of a stored event (tombstones included: the feed passes them too).
    /// </summary>
    public async Task<long> HighWater() => await Scalar($"select coalesce(max(seq_id), 0) from {Schema}.mt_events");

    /// <summary>How far the activity feed's shard has got.</summary>
    public async Task<long> FeedProgress() => await Scalar(
        $"select coalesce((select last_seq_id from {Schema}.mt_event_progression where name = 'Activity:All'), 0)");

    /// <summary>The sequence numbers of a network's events (tombstones carry no fact and have no entry).</summary>
    public async Task<IReadOnlyList<long>> EventSequences(Guid network) => await List<long>(
        $"select seq_id from {Schema}.mt_events where tenant_id = '{network}' and type <> 'tombstone' order by seq_id");

    /// <summary>The sequence numbers of a network's events that have their chain hash (Integrity/ChainKeeper).</summary>
    public async Task<IReadOnlyList<long>> HashedSequences(Guid network) => await List<long>(
        $"select seq_id from {Schema}.ov_event_hashes where tenant_id = '{network}' order by seq_id");

    /// <summary>The ids of a network's feed entries (an entry's id is its event's sequence number).</summary>
    public async Task<IReadOnlyList<long>> FeedEntryIds(Guid network) => await List<long>(
        $"select id from {Schema}.mt_doc_activityentry where tenant_id = '{network}' order by id");

    public async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<IReadOnlyList<T>> List<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
            values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
