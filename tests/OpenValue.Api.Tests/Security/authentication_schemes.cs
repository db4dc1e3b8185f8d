using Marten;
using OpenValue.Api.Accounts;
using OpenValue.Api.Tests.Accounts;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// The two credentials side by side: a bearer token decides alone whatever session cookie comes with it, a
/// session ends when it expires, a token revoked while a session goes on stops at its next request, and an
/// account signs in as its own member of whichever network the route names.
/// </summary>
[Collection(AppCollection.Name)]
public class authentication_schemes(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static readonly object Admission = new { name = "Eve", roles = new[] { "contributor" },
        stakeholderClass = "labour" };

    /// <summary>A request with the browser's cookies (its CSRF header left out) and a bearer token.</summary>
    private Task<(int Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)> Both(
        Browser browser, HttpMethod method, string url, string token, object? body = null) =>
        api.Send(method, url, body, token, new Dictionary<string, string>
        {
            ["Cookie"] = string.Join("; ", browser.Cookies.Select(c => $"{c.Key}={c.Value}")),
        });

    [Fact]
    public async Task a_bearer_token_decides_alone_whatever_session_cookie_comes_with_it()
    {
        var (n, ada, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var outsider = await api.Found("Outsider");
        var before = await app.EventCount(n.NetworkId);

        var unknown = await Both(ada, HttpMethod.Get, n.Url("/members"), "ov_not-a-real-token");
        unknown.ShouldBeProblem(401, code: "unauthenticated");
        unknown.Body!["detail"]!.GetValue<string>().Should().Be("The bearer token is not known.");
        (await Both(ada, HttpMethod.Get, n.Url("/members"), outsider.Token))
            .ShouldBeProblem(404, code: "network-not-found");
        (await Both(ada, HttpMethod.Post, n.Url("/members"), bob.Token, Admission))
            .ShouldBeProblem(403, code: "role-required");
        (await app.EventCount(n.NetworkId)).Should().Be(before, "Bob's token acts with Bob's roles, not Ada's");

        // No CSRF header is needed with a bearer token: another site can make a browser send cookies, never this.
        var admitted = await Both(ada, HttpMethod.Post, n.Url("/members"), n.Token, Admission);
        admitted.Status.Should().Be(201, admitted.Body?.ToJsonString());
    }

    [Fact]
    public async Task an_expired_session_is_401_everywhere_and_appends_nothing()
    {
        var (n, ada, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        (await ada.Get(n.Url("/members"))).Status.Should().Be(200);
        await using (var session = app.Store.LightweightSession())
        {
            var stored = await session.LoadAsync<AccountSession>(Secrets.Hash(ada.Cookies["ov_session"]));
            session.Store(stored! with { ExpiresAt = app.Clock.GetCurrentInstant() });
            await session.SaveChangesAsync();
        }
        var before = await app.EventCount(n.NetworkId);

        var expired = await ada.Get(n.Url("/members"));
        expired.ShouldBeProblem(401, code: "unauthenticated");
        expired.Response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        (await ada.Post(n.Url("/members"), Admission)).ShouldBeProblem(401, code: "unauthenticated");
        (await ada.Get("/accounts/me")).ShouldBeProblem(401, code: "unauthenticated");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
        (await api.Get(n.Url("/members"), n.Token)).Status.Should().Be(200, "the member's token is not a session");
    }

    [Fact]
    public async Task a_token_revoked_while_a_session_goes_on_stops_at_its_next_request()
    {
        var (n, ada, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        var created = await ada.Post(n.Url($"/members/{n.MemberId}/tokens"), new { name = "script" });
        created.Status.Should().Be(201, created.Body?.ToJsonString());
        var (secret, id) = (created.Body!["token"]!.GetValue<string>(), created.Body["tokenId"]!.GetValue<string>());
        (await api.Get(n.Url("/members"), secret)).Status.Should().Be(200);

        (await ada.Send(HttpMethod.Delete, n.Url($"/members/{n.MemberId}/tokens/{id}"))).Status.Should().Be(204);
        var revoked = await api.Get(n.Url("/members"), secret);
        revoked.ShouldBeProblem(401, code: "unauthenticated");
        revoked.Body!["detail"]!.GetValue<string>().Should().Be("The bearer token is not known.");
        (await ada.Get(n.Url("/members"))).Status.Should().Be(200, "the session goes on");

        var reissued = await ada.Post(n.Url($"/members/{n.MemberId}/token"));
        reissued.Status.Should().Be(200, reissued.Body?.ToJsonString());
        (await api.Get(n.Url("/members"), n.Token)).ShouldBeProblem(401, code: "unauthenticated");
        (await api.Get(n.Url("/members"), reissued.Body!["token"]!.GetValue<string>())).Status.Should().Be(200);
        (await ada.Get(n.Url("/members"))).Status.Should().Be(200, "the session goes on");
    }

    [Fact]
    public async Task one_account_acts_as_its_own_member_of_each_network_and_nowhere_else()
    {
        var login = Invited.UniqueLogin("ada");
        var (first, ada, _) = await api.FoundAndSignIn(login);
        var second = await api.Found("Second");
        var (_, url) = await api.AdmitInvited(second, "Ada", "contributor");
        await ada.Accept(url, login, create: false);
        var third = await api.Found("Third");
        var before = await app.EventCount(second.NetworkId);

        (await ada.Get(first.Url("/members"))).Status.Should().Be(200);
        (await ada.Get(second.Url("/members"))).Status.Should().Be(200);
        (await ada.Post(second.Url("/members"), Admission)).ShouldBeProblem(403, code: "role-required");
        (await app.EventCount(second.NetworkId)).Should().Be(before, "a steward of one network is not of another");
        (await ada.Post(first.Url("/members"), Admission)).Status.Should().Be(201);
        (await ada.Get(third.Url("/members"))).ShouldBeProblem(404, code: "network-not-found");
    }

    [Fact]
    public async Task a_sessions_roles_are_read_on_every_request()
    {
        var n = await api.Found();
        var (bobId, url) = await api.AdmitInvited(n, "Bob", "contributor");
        var bob = new Browser(api);
        await bob.Accept(url, Invited.UniqueLogin("bob"));
        var roles = n.Url($"/members/{bobId}/roles");

        (await bob.Post(n.Url("/members"), Admission)).ShouldBeProblem(403, code: "role-required");
        (await api.Post(roles, new { grant = new[] { "steward" } }, n.Token)).Status.Should().Be(200);
        (await bob.Post(n.Url("/members"), Admission)).Status.Should().Be(201);
        (await api.Post(roles, new { revoke = new[] { "steward" } }, n.Token)).Status.Should().Be(200);
        (await bob.Post(n.Url("/members"), Admission)).ShouldBeProblem(403, code: "role-required");
    }
}
