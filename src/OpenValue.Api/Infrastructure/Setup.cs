using JasperFx;
using JasperFx.CodeGeneration;
using NodaTime;
using OpenValue.Api.Accounts;
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
        services.Configure<OpenValueOptions>(builder.Configuration.GetSection("OpenValue"));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<Idempotency>();
        services.AddSingleton<Shares.IShareSource, Shares.ShareSource>();
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        var settings = builder.Configuration.GetSection("OpenValue").Get<OpenValueOptions>() ?? new OpenValueOptions();
        services.AddOpenValueStorage(OpenValueOptions.ConnectionString(builder.Configuration), settings.RunAsyncProjections);

        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
        });
        services.AddWolverineHttp();
        services.AddAccounts();
    }

    public static void UseOpenValue(this WebApplication app)
    {
        app.UseMiddleware<ProblemsMiddleware>();
        app.UseRouting();
        app.UseMiddleware<CallerMiddleware>();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapGet("/", () => Results.Redirect(WebAppHosting.Path)).ExcludeFromDescription();
        app.MapWebApp();
        app.MapWolverineEndpoints(options =>
        {
            options.TenantId.IsRouteArgumentNamed(CallerMiddleware.NetworkRouteValue);
        });
    }
}
