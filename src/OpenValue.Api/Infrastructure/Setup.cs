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
        services.Configure<OpenValueOptions>(builder.Configuration.GetSection("OpenValue"));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<Idempotency>();
        services.AddHostedService<IdempotencyPurge>();
        services.AddHostedService<TombstonePurge>();
        services.AddSingleton<Shares.IShareSource, Shares.ShareSource>();
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = BindingProblems.Customize);
        services.AddOpenValueOpenApi();
        var settings = builder.Configuration.GetSection("OpenValue").Get<OpenValueOptions>() ?? new OpenValueOptions();
        services.AddOpenValueStorage(OpenValueOptions.ConnectionString(builder.Configuration),
            settings.RunAsyncProjections,
            settings.ApplySchemaOnStartup);

        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
            Cluster.Configure(options.Durability);

            // Durable local queues: a message scheduled for later (a proposal's close at its deadline, a co-budgeting
            // round's closing at the end of its window) is stored in PostgreSQL with the transaction that scheduled
            // it, and survives a restart of the app.
            options.Policies.UseDurableLocalQueues();
        });
        services.AddWolverineHttp();
        services.AddAccounts();
        services.AddGovernance();
    }

    public static void UseOpenValue(this WebApplication app)
    {
        app.UseMiddleware<ProblemsMiddleware>();
        app.UseMiddleware<Integrity.AlarmMiddleware>();
        app.UseMiddleware<SecurityHeaders>();
        // An empty 4xx (no route, a method the route does not take, a body that is not JSON) becomes problem details.
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<RouteValueChecks>();
        app.UseMiddleware<CallerMiddleware>();
        app.UseMiddleware<JsonBodyGuard>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapOpenApi();
        // The reference page's fonts would come from Scalar's CDN; the page's CSP allows only this server.
        app.MapScalarApiReference("/docs", options => options.DisableDefaultFonts());
        app.MapGet("/", () => Results.Redirect(WebAppHosting.Path)).ExcludeFromDescription();
        app.MapWebApp();
        app.MapWolverineEndpoints(options =>
        {
            options.TenantId.IsRouteArgumentNamed(CallerMiddleware.NetworkRouteValue);
        });
    }
}
