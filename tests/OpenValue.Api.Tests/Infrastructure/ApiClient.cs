using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Networks.Members;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// A thin client over the HTTP API: typed requests that read the app's own response records, raw ones (a
/// <see cref="JsonNode"/>) for tests about the wire itself, and helpers for set-up.
/// </summary>
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
        var (response, text) = await Exchange(method, url, body, token, headers, contentType);
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json") == true;
        return ((int)response.StatusCode, json ? JsonNode.Parse(text) : null, response);
    }

    /// <summary>
    /// Sends like <see cref="Send"/>; reads a JSON body as <typeparamref name="T"/> and a problem as a
    /// <see cref="Problem"/>.
    /// </summary>
    public async Task<Reply<T>> Send<T>(
        HttpMethod method, string url, object? body = null, string? token = null, IDictionary<string,
            string>? headers = null,
        string contentType = "application/json") where T : class
    {
        var (response, text) = await Exchange(method, url, body, token, headers, contentType);
        return Reply<T>.Read(response, text);
    }

    private async Task<(HttpResponseMessage Response, string Text)> Exchange(
        HttpMethod method, string url, object? body, string? token, IDictionary<string, string>? headers,
        string contentType)
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
        return (response, await response.Content.ReadAsStringAsync());
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

    public Task<Reply<T>> Post<T>(string url, object? body, string? token = null,
        IDictionary<string, string>? headers = null) where T : class =>
        Send<T>(HttpMethod.Post, url, body ?? new { }, token, headers);

    public Task<Reply<T>> Patch<T>(string url, object? body, string? token = null) where T : class =>
        Send<T>(HttpMethod.Patch, url, body, token);

    public Task<Reply<T>> Get<T>(string url, string? token = null) where T : class =>
        Send<T>(HttpMethod.Get, url, null, token);

    public async Task<FoundedNetwork> Found(string name = "Wikihouse Makers", string currency = "EUR",
        string founder = "Ada")
    {
        var founded = (await Post<NetworkFoundedResponse>("/networks",
            new { name, currency, founder = new { name = founder } })).Expect(201);
        return new FoundedNetwork(founded.NetworkId, founded.MemberId, founded.Token);
    }

    public async Task<Member> Admit(FoundedNetwork network, string name, string stakeholderClass, params string[] roles)
    {
        var admitted = (await Post<MemberAdmittedResponse>($"/networks/{network.NetworkId}/members",
            new { name, roles, stakeholderClass }, network.Token)).Expect(201);
        return new Member(admitted.MemberId, admitted.Token);
    }

    /// <summary>How request bodies are written: anonymous objects and dictionaries, camelCase.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
