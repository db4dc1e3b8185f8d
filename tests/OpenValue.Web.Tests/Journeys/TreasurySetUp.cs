using OpenValue.Web.Tests.Infrastructure;

namespace OpenValue.Web.Tests.Journeys;

/// <summary>Set-up the treasury journeys need through the API: points from accepted claims, four-eyes timing.</summary>
public static class TreasurySetUp
{
    /// <summary>The author claims <paramref name="hours"/> of work and the reviewer approves it (quorum 1).</summary>
    public static async Task Earn(
        this Infrastructure.Api api, Network network, string authorToken, string reviewerToken,
        string hours)
    {
        var url = $"/networks/{network.NetworkId}/contributions";
        var claim = await api.Send(HttpMethod.Post, url, authorToken, new { kind = "work", quantity = hours,
            unit = "hour", occurredOn = "2026-11-20", description = $"{hours} hours in the workshop" }, 201);
        var id = claim["contributionId"]!.GetValue<Guid>();
        var read = await api.Get($"{url}/{id}", reviewerToken);
        await api.Send(HttpMethod.Post, $"{url}/{id}/reviews", reviewerToken,
            new { verdict = "approve", expectedVersion = read["version"]!.GetValue<long>() });
    }

    /// <summary>No cooling-off: the founder admitted the second treasurer just now, and approves at once.</summary>
    public static Task WithoutCoolingOff(this Infrastructure.Api api, Network network) =>
        api.Send(HttpMethod.Post, $"/networks/{network.NetworkId}/treasury-policy", network.Token,
            new { coolingOffHours = 0 });

    public static string Money(this System.Text.Json.Nodes.JsonNode node, string path) =>
        path.Split('.').Aggregate(node, (n, p) => n[p]!)["amount"]!.GetValue<string>();
}
