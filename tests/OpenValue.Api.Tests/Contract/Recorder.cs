using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contract;

/// <summary>A response as a test reads it: status, parsed body (null when empty or not JSON), headers.</summary>
public sealed record Answer(int Status, JsonNode? Body, string Text, HttpResponseMessage Response)
{
    public string Id(string field) => Body![field]!.GetValue<string>();

    public Answer Expect(int status)
    {
        Status.Should().Be(status, Text);
        return this;
    }
}

/// <summary>Sends requests to the test host and keeps every exchange, so a test can check them all against the document.</summary>
public sealed class Recorder(AppFixture app)
{
    public List<Exchange> Exchanges { get; } = [];

    public Task<Answer> Get(string url, string? token = null) => Send(HttpMethod.Get, url, null, token);

    public Task<Answer> Post(string url, object? body, string? token = null, IDictionary<string, string>? headers = null) =>
        Send(HttpMethod.Post, url, body ?? new { }, token, headers);

    public Task<Answer> Put(string url, object body, string? token = null) => Send(HttpMethod.Put, url, body, token);

    public async Task<Answer> Send(
        HttpMethod method, string url, object? body, string? token, IDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        var sent = body is null ? null : body as string ?? JsonSerializer.Serialize(body, ApiClient.JsonOptions);
        if (sent is not null)
            request.Content = new StringContent(sent, Encoding.UTF8, contentType);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var path = new Uri(new Uri("http://host"), url).AbsolutePath;
        Exchanges.Add(new Exchange(method.Method, path, contentType, sent, (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(), text));
        JsonNode? parsed = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.EndsWith("json") == true)
            parsed = JsonNode.Parse(text);
        return new Answer((int)response.StatusCode, parsed, text, response);
    }
}
