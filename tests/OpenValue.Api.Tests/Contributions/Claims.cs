using System.Text.Json.Nodes;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contributions;

/// <summary>Set-up steps for contribution tests: a valid claim to vary, and typed submit/review helpers.</summary>
public static class Claims
{
    public static Dictionary<string, object?> Work(string quantity = "12.5") => new()
    {
        ["kind"] = "work", ["quantity"] = quantity, ["unit"] = "hour", ["occurredOn"] = "2026-11-20",
        ["description"] = "Router jig for the Wikihouse frame", ["evidenceUrl"] = "https://example.org/jig",
            ["projectId"] = null,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> claim, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(claim) { [field] = value };
        return copy;
    }

    public static string Url(this FoundedNetwork network, string path = "") => $"/networks/{network.NetworkId}{path}";

    public static async Task<Guid> Submit(this ApiClient api, FoundedNetwork network, string token, Dictionary<string,
        object?>? claim = null)
    {
        var (status, body, _) = await api.Post(network.Url("/contributions"), claim ?? Work(), token);
        status.Should().Be(201, body?.ToJsonString());
        return Guid.Parse(body!["contributionId"]!.GetValue<string>());
    }

    /// <summary>
    /// Reviews the contribution as its current version (read first with the same token, as a reviewer's client
    /// would), or as <paramref name="expectedVersion"/> when given.
    /// </summary>
    public static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Review(
        this ApiClient api, FoundedNetwork network, Guid contributionId, string token, string verdict = "approve",
            string? reason = null,
        long? expectedVersion = null)
    {
        if (expectedVersion is null)
        {
            var (status, body, _) = await api.Get(network.Url($"/contributions/{contributionId}"), token);
            expectedVersion = status == 200 ? body!["version"]!.GetValue<long>() : 0;
        }
        return await api.Post(network.Url($"/contributions/{contributionId}/reviews"), new { verdict, reason,
            expectedVersion }, token);
    }

    public static Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Amend(
        this ApiClient api, FoundedNetwork network, Guid contributionId, string token, Dictionary<string,
            object?> claim) =>
        api.Send(HttpMethod.Put, network.Url($"/contributions/{contributionId}"), claim, token);

    public static async Task<string> StatusOf(this ApiClient api, FoundedNetwork network, Guid contributionId)
    {
        var (status, body, _) = await api.Get(network.Url($"/contributions/{contributionId}"), network.Token);
        status.Should().Be(200, body?.ToJsonString());
        return body!["status"]!.GetValue<string>();
    }

    public static async Task SetQuorum(this ApiClient api, FoundedNetwork network, int approvalsRequired)
    {
        var (status, body, _) = await api.Post(network.Url("/review-policy"), new { approvalsRequired }, network.Token);
        status.Should().Be(200, body?.ToJsonString());
    }

    public static async Task<Guid> OpenProject(this ApiClient api, FoundedNetwork network, string name)
    {
        var (status, body, _) = await api.Post(network.Url("/projects"), new { name }, network.Token);
        status.Should().Be(201, body?.ToJsonString());
        return Guid.Parse(body!["projectId"]!.GetValue<string>());
    }
}
