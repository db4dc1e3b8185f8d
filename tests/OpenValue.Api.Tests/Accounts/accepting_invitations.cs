using Marten;
using NodaTime;
using OpenValue.Api.Accounts;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Accounts;

[Collection(AppCollection.Name)]
public class accepting_invitations(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task the_founders_invitation_creates_an_account_signed_in_as_the_founder()
    {
        var login = Invited.UniqueLogin("ada");
        var (network, browser, url) = await api.FoundAndSignIn(login, "Invited Makers");

        url.Should().StartWith("http://localhost/app/invitation#");
        var me = (await browser.Get<AccountResponse>("/accounts/me")).Expect(200);
        me.Login.Should().Be(login);
        var only = me.Networks.Single();
        only.NetworkId.Should().Be(network.NetworkId);
        only.Name.Should().Be("Invited Makers");
        only.MemberName.Should().Be("Ada");
        only.Roles.Should().Contain(Role.Steward);
        (await browser.Get($"/networks/{network.NetworkId}/members")).Status.Should().Be(200);
    }

    [Fact]
    public async Task the_session_cookie_is_http_only_and_same_site_and_the_csrf_cookie_is_readable()
    {
        var (_, browser, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));

        var session = browser.SetCookieHeaders.Single(h => h.StartsWith("ov_session=",
            StringComparison.Ordinal)).ToLowerInvariant();
        session.Should().Contain("httponly").And.Contain("samesite=strict").And.NotContain("secure",
            "the test server speaks plain http");
        var csrf = browser.SetCookieHeaders.Single(h => h.StartsWith("ov_csrf=",
            StringComparison.Ordinal)).ToLowerInvariant();
        csrf.Should().Contain("samesite=strict").And.NotContain("httponly");
    }

    [Fact]
    public async Task only_hashes_of_invitations_and_sessions_are_stored()
    {
        var (network, browser, url) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));

        await using var query = app.Store.QuerySession();
        var invitation = await query.Query<Invitation>().SingleAsync(i => i.MemberId == network.MemberId);
        invitation.Id.Should().Be(Secrets.Hash(Browser.Token(url))).And.NotContain(Browser.Token(url));
        (await query.LoadAsync<AccountSession>(Secrets.Hash(browser.Cookies["ov_session"]))).Should().NotBeNull();
        (await query.LoadAsync<AccountSession>(browser.Cookies["ov_session"])).Should().BeNull();
    }

    [Fact]
    public async Task the_preview_names_the_network_and_the_member()
    {
        var network = await api.Found("Preview Makers");
        var (memberId, url) = await api.AdmitInvited(network, "Bob", "contributor");

        var preview = (await api.Post<InvitationPreviewResponse>("/accounts/invitations/preview",
            new { token = Browser.Token(url) })).Expect(200);
        preview.NetworkName.Should().Be("Preview Makers");
        preview.MemberName.Should().Be("Bob");
        preview.MemberId.Should().Be(memberId);
        preview.ExpiresAt.Should().Be(Instant.FromUtc(2026, 12, 3, 9, 0), "seven days after the fixture's start");
    }

    [Fact]
    public async Task an_invitation_works_once()
    {
        var network = await api.Found();
        var (_, url) = await api.AdmitInvited(network, "Bob", "contributor");
        await new Browser(api).Accept(url, Invited.UniqueLogin("bob"));

        var again = await new Browser(api).Post("/accounts/invitations/acceptance",
            new { token = Browser.Token(url), login = Invited.UniqueLogin("eve"), password = Browser.Password,
                createAccount = true });
        again.ShouldBeProblem(404, field: "token", code: "invitation-not-found");
        (await api.Post("/accounts/invitations/preview", new { token = Browser.Token(url) })).ShouldBeProblem(404,
            field: "token");
    }

    [Fact]
    public async Task an_invitation_expires_after_seven_days() => await app.WithClock(async () =>
    {
        var network = await api.Found();
        var (_, url) = await api.AdmitInvited(network, "Bob", "contributor");
        app.Advance(Duration.FromDays(7));

        (await api.Post("/accounts/invitations/preview", new { token = Browser.Token(url) })).ShouldBeProblem(404,
            field: "token");
    });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-real-invitation")]
    public async Task an_unknown_token_is_404(string? token) =>
        (await api.Post("/accounts/invitations/preview", new { token })).ShouldBeProblem(404, field: "token",
            code: "invitation-not-found");

    [Fact]
    public async Task a_new_account_needs_a_free_login_and_a_long_enough_password()
    {
        var network = await api.Found();
        var (_, url) = await api.AdmitInvited(network, "Bob", "contributor");
        var taken = Invited.UniqueLogin("ada");
        await api.FoundAndSignIn(taken);
        var browser = new Browser(api);

        (await Accept(browser, url, "  ", "correct horse battery", true)).ShouldBeProblem(400, field: "login");
        (await Accept(browser, url, Invited.UniqueLogin("bob"), "short", true)).ShouldBeProblem(400, field: "password");
        (await Accept(browser, url, taken.ToUpperInvariant(), "correct horse battery", true)).ShouldBeProblem(409,
            field: "login", code: "login-taken");
        (await Accept(browser, url, taken, "wrong password!", false)).ShouldBeProblem(401, code: "sign-in-failed");
        browser.Cookies.Should().BeEmpty("no refused acceptance signs anyone in");
        (await api.Post("/accounts/invitations/preview", new { token = Browser.Token(url) })).Status.Should().Be(200,
            "the link is still unused");
    }

    private static Task<(int Status, System.Text.Json.Nodes.JsonNode? Body, HttpResponseMessage Response)> Accept(
        Browser browser, string url, string login, string password, bool create) =>
        browser.Post("/accounts/invitations/acceptance", new { token = Browser.Token(url), login, password,
            createAccount = create });
}
