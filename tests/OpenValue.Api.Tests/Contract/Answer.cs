using System.Text.Json.Nodes;

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
