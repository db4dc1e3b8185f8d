using OpenValue.Api.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Activity;

/// <summary>Reading the activity feed in tests: always after the async daemon has caught up, never after a sleep.</summary>
public static class Feed
{
    public static async Task<ActivityPage> Activity(this ApiClient api, FoundedNetwork network, string token,
        string query = "")
    {
        await api.App.AsyncProjectionsCaughtUp();
        return (await api.Get<ActivityPage>(network.Url("/activity" + query), token)).Expect(200);
    }

    public static IReadOnlyList<string> Types(this ActivityPage page) => [.. page.Items.Select(i => i.Type)];
}
