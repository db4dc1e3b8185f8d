using System.Text.Json;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// One response read as the app's own types: a JSON body as <typeparamref name="T"/>, a problem as
/// <see cref="Infrastructure.Problem"/>, and the text as it came for failure messages.
/// </summary>
public sealed record Reply<T>(int Status, T? Body, Problem? Problem, string Text, HttpResponseMessage Response)
    where T : class
{
    public static Reply<T> Read(HttpResponseMessage response, string text)
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        var body = text.Length > 0 && media == "application/json"
            ? JsonSerializer.Deserialize<T>(text, ResponseJson.Options)
            : null;
        var problem = text.Length > 0 && media == "application/problem+json"
            ? JsonSerializer.Deserialize<Problem>(text, ResponseJson.Options)
            : null;
        return new Reply<T>((int)response.StatusCode, body, problem, text, response);
    }

    public void Deconstruct(out int status, out T? body, out HttpResponseMessage response) =>
        (status, body, response) = (Status, Body, Response);

    /// <summary>The body of a response that must have this status (the text names what came instead).</summary>
    public T Expect(int status)
    {
        Status.Should().Be(status, Text);
        Body.Should().NotBeNull(Text);
        return Body!;
    }
}
