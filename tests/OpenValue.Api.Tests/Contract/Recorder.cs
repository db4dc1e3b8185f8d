using System.Text.Json.Nodes;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contract;

/// <summary>
/// Sends requests to the test host and keeps every exchange, so a test can check them all against the document.
/// </summary>
public sealed class Recorder(AppFixture app)
{
    private readonly ApiClient api = new(app);

    public List<Exchange> Exchanges { get; } = [];

    public Task<Answer> Get(string url, string? token = null) => Send(HttpMethod.Get, url, null, token);

    public Task<Answer> Post(string url, object? body, string? token = null, IDictionary<string,
        string>? headers = null) =>
        Send(HttpMethod.Post, url, body ?? new { }, token, headers);

    public Task<Answer> Put(string url, object body, string? token = null) => Send(HttpMethod.Put, url, body, token);

    public Task<Answer> Patch(string url, object body, string? token = null) => Send(HttpMethod.Patch, url, body,
        token);

    public async Task<Answer> Send(
        HttpMethod method, string url, object? body, string? token, IDictionary<string, string>? headers = null,
        string contentType = "application/json")
    {
        var (status, parsed, response) = await api.Send(method, url, body, token, headers, contentType);
        var text = await response.Content.ReadAsStringAsync();
        var path = new Uri(new Uri("http://host"), url).AbsolutePath;
        Exchanges.Add(new Exchange(method.Method, path, contentType, ApiClient.Text(body), status,
            response.Content.Headers.ContentType?.ToString(), text));
        return new Answer(status, parsed, text, response);
    }
}
