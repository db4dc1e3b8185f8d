using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenValue.Api.Infrastructure;
using Wolverine;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// The HTTP servers measurement 2 compares, both in this process on loopback ports (so both share the
/// machine with the load driver in the same way): the real app, and a bare minimal API.
/// </summary>
public static class Servers
{
    /// <summary>
    /// The real app, configured by the same AddOpenValue/UseOpenValue as Program.cs, on the benchmark database.
    /// Its async daemon runs only when asked: measurements 4 and 5 bulk-load events behind the app's back, which
    /// its daemon would then spend their timed runs projecting into the activity feed (a live app is caught up).
    /// Measurements 2 and 6 run it, as a deployed node does. <paramref name="configure"/> may change settings
    /// before the app is built.
    /// </summary>
    public static Task<(WebApplication App, Uri Address)> StartRealApp(
        string connection, CancellationToken ct, bool asyncProjections = false, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            { ApplicationName = typeof(Setup).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["OPENVALUE_DB"] = connection;
        builder.Configuration["OpenValue:RunAsyncProjections"] = asyncProjections ? "true" : "false";
        Quiet(builder);
        // Errors only (a 500's exception, a failing projection), so a failed run says why. The app's
        // appsettings.json sets the levels per category, which would win over a minimum level set here.
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Wolverine", "Marten" })
            builder.Configuration[$"Logging:LogLevel:{category}"] = "Error";
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        configure?.Invoke(builder);
        builder.AddOpenValue();
        // Wolverine looks for endpoints in the entry assembly, which is this program: point it at the API.
        builder.Services.ConfigureWolverine(o => o.ApplicationAssembly = typeof(Setup).Assembly);
        // One node at a time runs on the benchmark database: Solo starts the daemon's shards at once instead
        // of after a leader election. The shards run the same way once started.
        builder.Services.RunWolverineInSoloMode();
        var app = builder.Build();
        app.UseOpenValue();
        return Start(app, ct);
    }

    /// <summary>
    /// Stops the app before disposing it: a stopped app removes its Wolverine node record and hands back the
    /// projection shards it ran. One only disposed leaves its record behind, and the next app on the database
    /// would wait for it to be declared dead before the daemon's shards are assigned again.
    /// </summary>
    public static async Task Stop(WebApplication app)
    {
        try { await app.StopAsync(); }
        finally { await app.DisposeAsync(); }
    }

    /// <summary>
    /// Deletes the Wolverine node records and agent assignments of apps that earlier measurements disposed
    /// without stopping (measurements 4 and 5 do). No app may be running on the database when this is called.
    /// </summary>
    public static async Task ForgetStoppedNodes(Npgsql.NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "delete from openvalue.wolverine_node_assignments; delete from openvalue.wolverine_nodes");
        try { await command.ExecuteNonQueryAsync(ct); }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable) { }
    }

    /// <summary>A minimal API with nothing but the endpoints the caller maps.</summary>
    public static Task<(WebApplication App, Uri Address)> StartBareApi(Action<WebApplication> map, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        Quiet(builder);
        var app = builder.Build();
        map(app);
        return Start(app, ct);
    }

    private static void Quiet(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
    }

    private static async Task<(WebApplication, Uri)> Start(WebApplication app, CancellationToken ct)
    {
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
