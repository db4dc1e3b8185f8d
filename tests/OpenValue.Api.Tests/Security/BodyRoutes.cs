using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>Every route that binds a JSON body, as the app maps them, for attacks that must cover them all.</summary>
public static class BodyRoutes
{
    public static IReadOnlyList<(string Method, string Template, Type Body)> Of(AppFixture app) =>
        [.. app.Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                (m, "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    e.Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType!)))
            .Distinct()];

    /// <summary>The template with the given ids put in, every other id a fresh one and a version 1.</summary>
    public static string Url(string template, IReadOnlyDictionary<string, string> ids) =>
        System.Text.RegularExpressions.Regex.Replace(ids.Aggregate(template, (u, id) => u.Replace(id.Key, id.Value)),
            @"\{[^}]+\}", m => m.Value.Contains("version", StringComparison.OrdinalIgnoreCase) ? "1" : Guid.NewGuid().ToString());
}
