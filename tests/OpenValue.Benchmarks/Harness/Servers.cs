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
    /// <summary>The real app, configured by the same AddOpenValue/UseOpenValue as Program.cs, on the benchmark database.</summary>
    public static Task<(WebApplication App, Uri Address)> StartRealApp(string connection, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            { ApplicationName = typeof(Setup).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["OPENVALUE_DB"] = connection;
        Quiet(builder);
        builder.AddOpenValue();
        // Wolverine looks for endpoints in the entry assembly, which is this program: point it at the API.
        builder.Services.ConfigureWolverine(o => o.ApplicationAssembly = typeof(Setup).Assembly);
        var app = builder.Build();
        app.UseOpenValue();
        return Start(app, ct);
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
