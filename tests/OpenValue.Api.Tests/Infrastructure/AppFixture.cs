using Alba;
using JasperFx.CommandLine;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// One app host for all API tests, against the real PostgreSQL named by OPENVALUE_DB (./openvalue.sh test
/// provides a throwaway database per test project). Tests stay independent without wiping data between
/// them: each founds its own network, and networks are isolated tenants.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 26, 9, 0);

    public FakeClock Clock { get; } = new(Start);
    public LogCapture Logs { get; } = new();
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>
    /// Another connection string than OPENVALUE_DB's (the least-privilege test runs a second host as the runtime role).
    /// </summary>
    public string? Connection { get; init; }

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        var connection = Connection ?? Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test.");
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("OPENVALUE_DB", connection);
            if (Connection is not null) builder.UseSetting("OpenValue:ApplySchemaOnStartup", "false");
            // Tests found hundreds of networks and send many bad tokens from one (test) address; the abuse
            // limits have their own host in abuse_limits.
            builder.UseSetting("OpenValue:FoundingsPerHour", "0");
            builder.UseSetting("OpenValue:FailedAuthenticationsPerMinute", "1000000");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IClock>(Clock);
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            });
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// Returns once every asynchronous projection has processed every event committed before the call:
    /// Marten compares each shard's progression with the event store's high-water mark. No sleeping.
    /// </summary>
    public Task AsyncProjectionsCaughtUp() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    /// <summary>
    /// Rebuilds projections from the events with the app's own daemon paused. Wolverine's assignment check may
    /// start the paused activity shard again meanwhile, and then the rebuild and the shard meet on the feed's
    /// progression (<c>ProgressionProgressOutOfOrderException</c>): the rebuild, which is idempotent, runs again.
    /// </summary>
    public async Task Rebuild(Func<JasperFx.Events.Daemon.IProjectionDaemon, TimeSpan, Task> rebuild)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Host.PauseAllDaemonsAsync();
            try
            {
                using var daemon = await Store.BuildProjectionDaemonAsync();
                await rebuild(daemon, TimeSpan.FromMinutes(2));
                return;
            }
            catch (JasperFx.Events.Daemon.ProgressionProgressOutOfOrderException) when (attempt < 3)
            {
            }
            finally
            {
                await Host.ResumeAllDaemonsAsync();
            }
        }
    }

    /// <summary>Every event of one stream in one network, oldest first.</summary>
    public async Task<IReadOnlyList<IEvent>> Events(Guid networkId, Guid streamId)
    {
        await using var session = Store.QuerySession(networkId.ToString());
        return await session.Events.FetchStreamAsync(streamId);
    }

    /// <summary>
    /// One value from raw SQL against the app's database, for what no API shows (stored rows, counts).
    /// </summary>
    public async Task<T?> Scalar<T>(string sql, params object[] parameters)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    /// <summary>How many events the network's tenant holds in all its streams.</summary>
    public async Task<int> EventCount(Guid networkId)
    {
        await using var session = Store.QuerySession(networkId.ToString());
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
