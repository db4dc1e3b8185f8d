using JasperFx;
using JasperFx.CodeGeneration;
using NodaTime;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Accounts;
using OpenValue.Api.Governance;
using OpenValue.Api.Security;
using OpenValue.Api.WebApp;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Http;

namespace OpenValue.Api.Infrastructure;

public static class Setup
{
    public static void AddOpenValue(this WebApplicationBuilder builder)
    {
        // The same variable drives ./openvalue.sh run and the container.
        if (builder.Configuration["OPENVALUE_URLS"] is { Length: > 0 } urls)
            builder.WebHost.UseUrls(urls);
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddAbuseLimits();
        services.AddCallerAuthentication();
        services.Configure<OpenValueOptions>(builder.Configuration.GetSection("OpenValue"));
        services.AddSingleton(new PublicAddress(PublicAddress.Configured(builder.Configuration),
            PublicAddress.TrustProxies(services, builder.Configuration)));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<Idempotency>();
        services.AddHostedService<IdempotencyPurge>();
        services.AddHostedService<TombstonePurge>();
        services.AddHostedService<Integrity.ChainKeeper>();
        services.AddSingleton<Shares.IShareSource, Shares.ShareSource>();
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = BindingProblems.Customize);
        services.AddOpenValueOpenApi();
        var settings = builder.Configuration.GetSection("OpenValue").Get<OpenValueOptions>() ?? new OpenValueOptions();
        services.AddOpenValueStorage(OpenValueOptions.ConnectionString(builder.Configuration),
            settings.RunAsyncProjections,
            settings.ApplySchemaOnStartup);

        // The same settings in every environment: what the build carries decides (see GeneratedCode). A missing
        // generated type stops the start instead of being compiled then.
        services.CritterStackDefaults(defaults =>
        {
            foreach (var profile in new[] { defaults.Development, defaults.Production })
            {
                profile.GeneratedCodeMode = GeneratedCode.Mode;
                profile.AssertAllPreGeneratedTypesExist = GeneratedCode.BuiltIn;
            }
        });
        builder.Host.UseWolverine(options =>
        {
            if (!GeneratedCode.BuiltIn)
                options.UseRuntimeCompilation();
            options.CodeGeneration.TypeLoadMode = GeneratedCode.Mode;
            // The schema's owner creates Wolverine's tables with the rest (migrate); then the app only checks
            // that they exist.
            if (!settings.ApplySchemaOnStartup)
                options.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            Cluster.Configure(options.Durability);

            // Durable local queues: a message scheduled for later (a proposal's close at its deadline, a co-budgeting
            // round's closing at the end of its window) is stored in PostgreSQL with the transaction that scheduled
            // it, and survives a restart of the app.
            options.Policies.UseDurableLocalQueues();
        });
        services.AddWolverineHttp();
        services.AddAccounts();
    }

    public static void UseOpenValue(this WebApplication app)
    {
        // First, so that everything after sees the client's address and scheme the trusted proxy forwarded.
        if (app.Services.GetRequiredService<PublicAddress>().TrustsProxies)
            app.UseForwardedHeaders();
        app.UseMiddleware<ProblemsMiddleware>();
        app.UseMiddleware<Integrity.AlarmMiddleware>();
        app.UseMiddleware<SecurityHeaders>();
        // An empty 4xx (no route, a method the route does not take, a body that is not JSON) becomes problem details.
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<RouteValueChecks>();
        // Who calls, and whether they may: every route that names a network needs a present member of it.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<JsonBodyGuard>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapOpenApi();
        // The reference page's fonts would come from Scalar's CDN; the page's CSP allows only this server.
        app.MapScalarApiReference("/docs", options => options.DisableDefaultFonts());
        app.MapGet("/", () => Results.Redirect(WebAppHosting.Path)).ExcludeFromDescription();
        app.MapWebApp();
        app.MapWolverineEndpoints(options =>
        {
            options.TenantId.IsRouteArgumentNamed(NetworkRoute.Value);
        });
    }
}
