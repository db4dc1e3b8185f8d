using System.Text.Json.Nodes;
using OpenValue.Api.Accounts;
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
        var result = await api.Send(method, url, method == HttpMethod.Get ? null : body ?? new { }, null,
            Headers(echoCsrf));
        Keep(result.Response);
        return result;
    }

    /// <summary>Sends like <see cref="Send"/> and reads the response as the app's own records.</summary>
    public async Task<Reply<T>> Send<T>(HttpMethod method, string url, object? body = null, bool echoCsrf = true)
        where T : class
    {
        var reply = await api.Send<T>(method, url, method == HttpMethod.Get ? null : body ?? new { }, null,
            Headers(echoCsrf));
        Keep(reply.Response);
        return reply;
    }

    private Dictionary<string, string> Headers(bool echoCsrf)
    {
        var headers = new Dictionary<string, string>();
        if (Cookies.Count > 0)
            headers["Cookie"] = string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));
        if (echoCsrf && Cookies.TryGetValue("ov_csrf", out var csrf))
            headers["X-CSRF-Token"] = csrf;
        return headers;
    }

    public Task<Reply<T>> Get<T>(string url) where T : class => Send<T>(HttpMethod.Get, url);

    public Task<Reply<T>> Post<T>(string url, object? body = null, bool echoCsrf = true) where T : class =>
        Send<T>(HttpMethod.Post, url, body, echoCsrf);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Get(string url) => Send(HttpMethod.Get,
        url);

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Post(string url, object? body = null,
        bool echoCsrf = true) =>
        Send(HttpMethod.Post, url, body, echoCsrf);

    /// <summary>Accepts the link's invitation with a new account (or, with <paramref name="create"/> false, an
    /// existing one).</summary>
    public async Task<AccountResponse> Accept(string invitationUrl, string login, bool create = true)
    {
        var accepted = await Post<AccountResponse>("/accounts/invitations/acceptance",
            new { token = Token(invitationUrl), login, password = Password, createAccount = create });
        return accepted.Expect(200);
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
