using System.Text.Json.Nodes;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Activity;

/// <summary>Reading the activity feed in tests: always after the async daemon has caught up, never after a sleep.</summary>
public static class Feed
{
    public static async Task<JsonNode> Activity(this ApiClient api, FoundedNetwork network, string token, string query = "")
    {
        await api.App.AsyncProjectionsCaughtUp();
        var (status, body, _) = await api.Get(network.Url("/activity" + query), token);
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    public static IReadOnlyList<JsonNode> Items(this JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!)];

    public static IReadOnlyList<string> Types(this JsonNode page) => [.. page.Items().Select(i => i["type"]!.GetValue<string>())];

    public static long Sequence(this JsonNode item) => item["sequence"]!.GetValue<long>();

    public static long? NextBefore(this JsonNode page) => page["nextBefore"]?.GetValue<long>();
}
