using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Networks;

/// <summary>
/// Walks every endpoint the app maps, so a route added later is covered without anyone remembering to:
/// anything under a network refuses callers without a token (401) and members of other networks (404,
/// appending nothing); only an explicit list of routes is open to anonymous callers.
/// </summary>
[Collection(AppCollection.Name)]
public class every_route_is_guarded(AppFixture app)
{
    private static readonly HashSet<string> OpenRoutes =
    [
        "POST /networks", "GET /health", "GET /openapi/{documentName}.json", "GET /",
        "POST /accounts/sign-in", "POST /accounts/sign-out", "GET /accounts/me",
        "POST /accounts/invitations/preview", "POST /accounts/invitations/acceptance",
        "GET /app/{**path}", "HEAD /app/{**path}",
    ];

    private static bool IsOpen(string route) => OpenRoutes.Contains(route) || route.StartsWith("GET /docs",
        StringComparison.Ordinal);

    private readonly ApiClient api = new(app);

    private IReadOnlyList<(string Method, string Template)> Routes() => Routes(app);

    private static IReadOnlyList<(string Method, string Template)> Routes(AppFixture app) =>
        [.. app.Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()];

    private static string Fill(string template, Guid networkId) =>
        System.Text.RegularExpressions.Regex.Replace(template.Replace("{networkId}", networkId.ToString()), @"\{[^}]+\}",
            m => m.Value.Contains("version", StringComparison.OrdinalIgnoreCase) ? "1" : Guid.NewGuid().ToString());

    /// <summary>Every route under a network, with this network's id and made-up ids filled in.</summary>
    public static IEnumerable<(string Method, string Url)> NetworkRoutes(AppFixture app, Guid networkId) =>
        Routes(app).Where(r => r.Template.Contains("{networkId}")).Select(r => (r.Method, Fill(r.Template, networkId)));

    [Fact]
    public void every_route_either_names_a_network_or_is_known_to_be_open()
    {
        var unguarded = Routes().Where(r => !r.Template.Contains("{networkId}")).Select(r =>
            $"{r.Method} {r.Template}");
        string.Join(", ", unguarded.Where(r => !IsOpen(r))).Should().BeEmpty("only these routes may be open");
        Routes().Count(r => r.Template.Contains("{networkId}")).Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task every_network_route_refuses_anonymous_callers_and_other_networks_members()
    {
        var target = await api.Found("Target");
        var outsider = await api.Found("Outsider");
        var before = await app.EventCount(target.NetworkId);

        foreach (var (method, template) in Routes().Where(r => r.Template.Contains("{networkId}")))
        {
            var url = Fill(template, target.NetworkId);
            var body = method is "GET" or "DELETE" ? null : new { };
            (await api.Send(new HttpMethod(method), url, body)).ShouldBeProblem(401, code: "unauthenticated");
            (await api.Send(new HttpMethod(method), url, body, outsider.Token)).ShouldBeProblem(404,
                code: "network-not-found");
        }
        (await app.EventCount(target.NetworkId)).Should().Be(before);
    }
}
