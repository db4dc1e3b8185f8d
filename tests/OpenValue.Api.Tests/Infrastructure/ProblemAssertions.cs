using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenValue.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>An RFC 9457 response with this status, and the field and code it names when given.</summary>
    public static Problem ShouldBeProblem(this (int Status, JsonNode? Body, HttpResponseMessage Response) result,
        int status, string? field = null, string? code = null)
    {
        var text = result.Body?.ToJsonString() ?? "";
        result.Status.Should().Be(status, text);
        result.Response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        return Checked(JsonSerializer.Deserialize<Problem>(text, ResponseJson.Options)!, status, field, code, text);
    }

    /// <inheritdoc cref="ShouldBeProblem(ValueTuple{int, JsonNode?, HttpResponseMessage}, int, string?, string?)"/>
    public static Problem ShouldBeProblem<T>(this Reply<T> reply, int status, string? field = null,
        string? code = null) where T : class
    {
        reply.Status.Should().Be(status, reply.Text);
        reply.Response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", reply.Text);
        return Checked(reply.Problem!, status, field, code, reply.Text);
    }

    private static Problem Checked(Problem problem, int status, string? field, string? code, string text)
    {
        problem.Status.Should().Be(status, text);
        if (field is not null)
            problem.Field.Should().Be(field, text);
        if (code is not null)
            problem.Code.Should().Be(code, text);
        return problem;
    }
}
