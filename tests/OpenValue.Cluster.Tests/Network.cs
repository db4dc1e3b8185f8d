using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenValue.Cluster.Tests;

/// <summary>A network founded through one node; members admitted through whichever node a test names.</summary>
public sealed record Network(Guid Id, string Token, Guid Founder)
{
    public static async Task<Network> Found(Node node)
    {
        using var http = node.Http;
        using var response = await http.PostAsJsonAsync("/networks",
            new { name = "Cluster co-op", currency = "EUR", founder = new { name = "Ada" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Network(body.GetProperty("networkId").GetGuid(), body.GetProperty("token").GetString()!,
            body.GetProperty("memberId").GetGuid());
    }

    /// <summary>Admits a member through the node; the member's id, or null when the node did not answer 201.</summary>
    public async Task<Guid?> Admit(Node node, string name)
    {
        using var http = node.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/networks/{Id}/members")
        {
            Content = JsonContent.Create(new { name, roles = new[] { "contributor" }, stakeholderClass = "labour" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        try
        {
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
                return null;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberId").GetGuid();
        }
        catch (HttpRequestException)
        {
            return null; // the node is gone
        }
    }

    /// <summary>The member ids the network's feed names as admitted, newest first, read through the API.</summary>
    public async Task<IReadOnlyList<Guid>> AdmissionsInFeed(Node node)
    {
        using var http = node.Http;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var admitted = new List<Guid>();
        long? before = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"/networks/{Id}/activity?limit=200{(before is null ? "" : $"&before={before}")}");
            admitted.AddRange(page.GetProperty("items").EnumerateArray()
                .Where(item => item.GetProperty("type").GetString() == "member-admitted")
                .Select(item => item.GetProperty("memberId").GetGuid()));
            var next = page.GetProperty("nextBefore");
            before = next.ValueKind == JsonValueKind.Null ? null : next.GetInt64();
        } while (before is not null);
        return admitted;
    }
}
