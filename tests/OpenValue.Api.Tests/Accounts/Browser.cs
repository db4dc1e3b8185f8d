using System.Text.Json.Nodes;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Accounts;

/// <summary>A browser's cookie jar over the API client: keeps what Set-Cookie says and echoes the CSRF
/// cookie.</summary>
public sealed class Browser(ApiClient api)
{
    public const string Password = "correct horse battery";

    public Dictionary<string, string> Cookies { get; } = [];
    public List<string> SetCookieHeaders { get; } = [];

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Send(
        HttpMethod method, string url, object? body = null, bool echoCsrf = true)
    {
        var headers = new Dictionary<string, string>();
        if (Cookies.Count > 0)
            headers["Cookie"] = string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));
        if (echoCsrf && Cookies.TryGetValue("ov_csrf", out var csrf))
            headers["X-CSRF-Token"] = csrf;
        var result = await api.Send(method, url, method == HttpMethod.Get ? null : body ?? new { }, null, headers);
        Keep(result.Response);
        return result;
    }

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Get(string url) => Send(HttpMethod.Get,
        url);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Post(string url, object? body = null,
        bool echoCsrf = true) =>
        Send(HttpMethod.Post, url, body, echoCsrf);

    /// <summary>Accepts the link's invitation with a new account (or, with <paramref name="create"/> false, an
    /// existing one).</summary>
    public async Task<JsonNode> Accept(string invitationUrl, string login, bool create = true)
    {
        var (status, body, _) = await Post("/accounts/invitations/acceptance",
            new { token = Token(invitationUrl), login, password = Password, createAccount = create });
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    public static string Token(string invitationUrl) => invitationUrl[(invitationUrl.IndexOf('#') + 1)..];

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            return;
        foreach (var header in values)
        {
            SetCookieHeaders.Add(header);
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                Cookies.Remove(pair[0]);
            else
                Cookies[pair[0]] = pair[1];
        }
    }
}

public static class Invited
{
    /// <summary>Founds a network and signs its founder in through the founding's invitation.</summary>
    public static async Task<(FoundedNetwork Network, Browser Browser, string InvitationUrl)> FoundAndSignIn(
        this ApiClient api, string login, string name = "Wikihouse Makers")
    {
        var (status, body, _) = await api.Post("/networks", new { name, currency = "EUR",
            founder = new { name = "Ada" } });
        status.Should().Be(201, body?.ToJsonString());
        var network = new FoundedNetwork(Guid.Parse(body!["networkId"]!.GetValue<string>()),
            Guid.Parse(body["memberId"]!.GetValue<string>()), body["token"]!.GetValue<string>());
        var url = body["invitationUrl"]!.GetValue<string>();
        var browser = new Browser(api);
        await browser.Accept(url, login);
        return (network, browser, url);
    }

    /// <summary>Admits a member and returns the invitation link that came with the admission.</summary>
    public static async Task<(Guid MemberId, string InvitationUrl)> AdmitInvited(
        this ApiClient api, FoundedNetwork network, string name, params string[] roles)
    {
        var (status, body, _) = await api.Post($"/networks/{network.NetworkId}/members",
            new { name, roles, stakeholderClass = "labour" }, network.Token);
        status.Should().Be(201, body?.ToJsonString());
        return (Guid.Parse(body!["memberId"]!.GetValue<string>()), body["invitationUrl"]!.GetValue<string>());
    }

    public static string UniqueLogin(string who) => $"{who}-{Guid.NewGuid():N}@example.org";
}
