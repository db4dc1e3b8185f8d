using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OpenValue.Web.Tests.Infrastructure;

public sealed record Network(Guid NetworkId, Guid MemberId, string Token, string InvitationUrl);

public sealed record Invitee(Guid MemberId, string Token, string InvitationUrl);

/// <summary>The same server over plain HTTP with bearer tokens: set-up the screens do not cover, and the figures to
/// compare.</summary>
public sealed class Api(HttpClient http)
{
    public async Task<JsonNode> Send(HttpMethod method, string url, string? token, object? body = null,
        int expect = 200)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(expect, text);
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public Task<JsonNode> Get(string url, string token) => Send(HttpMethod.Get, url, token);

    public async Task<Network> Found(string name, string founder = "Ada")
    {
        var body = await Send(HttpMethod.Post, "/networks", null, new { name, currency = "EUR",
            founder = new { name = founder } }, 201);
        return new(body["networkId"]!.GetValue<Guid>(), body["memberId"]!.GetValue<Guid>(),
            body["token"]!.GetValue<string>(),
            body["invitationUrl"]!.GetValue<string>());
    }

    public async Task<Invitee> Admit(Network network, string name, params string[] roles)
    {
        var body = await Send(HttpMethod.Post, $"/networks/{network.NetworkId}/members", network.Token,
            new { name, roles, stakeholderClass = "labour" }, 201);
        return new(body["memberId"]!.GetValue<Guid>(), body["token"]!.GetValue<string>(),
            body["invitationUrl"]!.GetValue<string>());
    }

    /// <summary>One rule: an hour of work is worth <paramref name="rate"/> points.</summary>
    public Task<JsonNode> AdoptHourlyRate(Network network, string rate) =>
        Send(HttpMethod.Post, $"/networks/{network.NetworkId}/value-equations", network.Token,
            new { rules = new { work = new { unit = "hour", rate, multiplier = "1" } } }, 201);
}
