using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace OpenValue.Api.Tests.Infrastructure;

public sealed record FoundedNetwork(Guid NetworkId, Guid MemberId, string Token);

public sealed record Member(Guid MemberId, string Token);

/// <summary>A thin client over the HTTP API: raw requests for status checks, typed helpers for set-up.</summary>
public sealed class ApiClient(Func<IAlbaHost> host)
{
    private readonly AppFixture? app;

    public ApiClient(AppFixture app) : this(() => app.Host) => this.app = app;

    /// <summary>A client of a host of its own (a test that configures the app differently).</summary>
    public ApiClient(IAlbaHost host) : this(() => host)
    {
    }

    public AppFixture App => app ?? throw new InvalidOperationException("This client talks to a host of its own.");

    /// <summary>
    /// Sends <paramref name="body"/> as is when it is a string, else as JSON; parses a JSON response.
    /// </summary>
    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Send(
        HttpMethod method, string url, object? body = null, string? token = null, IDictionary<string,
            string>? headers = null,
        string contentType = "application/json")
    {
        using var client = host().Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        if (Text(body) is { } sent)
            request.Content = new StringContent(sent, Encoding.UTF8, contentType);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json") == true;
        return ((int)response.StatusCode, json ? JsonNode.Parse(text) : null, response);
    }

    /// <summary>A request body as it goes on the wire.</summary>
    public static string? Text(object? body) => body is null ? null : body as string ?? JsonSerializer.Serialize(body,
        JsonOptions);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Post(string url, object? body,
        string? token = null, IDictionary<string, string>? headers = null) =>
        Send(HttpMethod.Post, url, body ?? new { }, token, headers);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Patch(string url, object? body,
        string? token = null) =>
        Send(HttpMethod.Patch, url, body, token);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Get(string url, string? token = null) =>
        Send(HttpMethod.Get, url, null, token);

    public async Task<FoundedNetwork> Found(string name = "Wikihouse Makers", string currency = "EUR",
        string founder = "Ada")
    {
        var (status, body, _) = await Post("/networks", new { name, currency, founder = new { name = founder } });
        status.Should().Be(201, body?.ToJsonString());
        return new FoundedNetwork(Guid.Parse(body!["networkId"]!.GetValue<string>()),
            Guid.Parse(body["memberId"]!.GetValue<string>()), body["token"]!.GetValue<string>());
    }

    public async Task<Member> Admit(FoundedNetwork network, string name, string stakeholderClass, params string[] roles)
    {
        var (status, body, _) = await Post($"/networks/{network.NetworkId}/members", new { name, roles,
            stakeholderClass }, network.Token);
        status.Should().Be(201, body?.ToJsonString());
        return new Member(Guid.Parse(body!["memberId"]!.GetValue<string>()), body["token"]!.GetValue<string>());
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public static class ProblemAssertions
{
    /// <summary>An RFC 9457 response with this status, and the field it names when given.</summary>
    public static void ShouldBeProblem(this (int Status, JsonNode? Body, HttpResponseMessage Response) result,
        int status, string? field = null, string? code = null)
    {
        result.Status.Should().Be(status, result.Body?.ToJsonString());
        result.Response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        result.Body!["status"]!.GetValue<int>().Should().Be(status);
        if (field is not null)
            result.Body["field"]?.GetValue<string>().Should().Be(field, result.Body.ToJsonString());
        if (code is not null)
            result.Body["code"]?.GetValue<string>().Should().Be(code, result.Body.ToJsonString());
    }
}
