using NodaTime;
using OpenValue.Api.Accounts;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;

namespace OpenValue.Api.Tests.Accounts;

[Collection(AppCollection.Name)]
public class signing_in(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static Task<Reply<AccountResponse>> SignIn(Browser browser, string login, string password) =>
        browser.Post<AccountResponse>("/accounts/sign-in", new { login, password });

    [Fact]
    public async Task the_right_password_signs_in_and_signing_out_ends_the_session_on_the_server()
    {
        var login = Invited.UniqueLogin("ada");
        var (network, _, _) = await api.FoundAndSignIn(login);
        var browser = new Browser(api);

        var signedIn = await SignIn(browser, "  " + login.ToUpperInvariant() + " ", Browser.Password);
        signedIn.Expect(200).Networks.Single().NetworkId.Should().Be(network.NetworkId);
        var copied = new Browser(api);
        foreach (var (name, value) in browser.Cookies)
            copied.Cookies[name] = value;

        (await browser.Post("/accounts/sign-out")).Status.Should().Be(204);
        browser.Cookies.Should().BeEmpty("signing out clears the cookies");
        (await copied.Get("/accounts/me")).ShouldBeProblem(401, code: "unauthenticated");
        (await copied.Get($"/networks/{network.NetworkId}/members")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task a_wrong_password_and_an_unknown_login_get_the_same_answer()
    {
        var login = Invited.UniqueLogin("ada");
        await api.FoundAndSignIn(login);
        var browser = new Browser(api);

        var wrong = await SignIn(browser, login, "not the password");
        var unknown = await SignIn(browser, Invited.UniqueLogin("nobody"), "not the password");
        var refused = wrong.ShouldBeProblem(401, code: "sign-in-failed");
        refused.Detail.Should().NotBeNull().And.Be(unknown.ShouldBeProblem(401, code: "sign-in-failed").Detail);
        browser.Cookies.Should().BeEmpty();
    }

    [Fact]
    public async Task five_wrong_passwords_lock_the_account_for_fifteen_minutes() => await app.WithClock(async () =>
    {
        var login = Invited.UniqueLogin("ada");
        await api.FoundAndSignIn(login);
        var browser = new Browser(api);
        for (var attempt = 1; attempt <= 5; attempt++)
            (await SignIn(browser, login, $"wrong password {attempt}")).ShouldBeProblem(401);

        (await SignIn(browser, login, Browser.Password)).ShouldBeProblem(429, code: "sign-in-locked");
        app.Advance(Duration.FromMinutes(14));
        (await SignIn(browser, login, Browser.Password)).ShouldBeProblem(429, code: "sign-in-locked");
        app.Advance(Duration.FromMinutes(1));
        (await SignIn(browser, login, Browser.Password)).Status.Should().Be(200);
    });

    [Fact]
    public async Task four_wrong_passwords_then_the_right_one_start_the_count_again()
    {
        var login = Invited.UniqueLogin("ada");
        await api.FoundAndSignIn(login);
        var browser = new Browser(api);
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
                (await SignIn(browser, login, $"wrong password {attempt}")).ShouldBeProblem(401);
            (await SignIn(browser, login, Browser.Password)).Status.Should().Be(200);
        }
    }

    [Theory]
    [InlineData(null, "some password", "login")]
    [InlineData("ab", "some password", "login")]
    [InlineData("ada@example.org", null, "password")]
    [InlineData("ada@example.org", "", "password")]
    public async Task a_missing_login_or_password_is_400_naming_it(string? login, string? password, string field) =>
        (await SignIn(new Browser(api), login!, password!)).ShouldBeProblem(400, field: field);

    [Fact]
    public async Task a_session_ends_after_seven_days() => await app.WithClock(async () =>
    {
        var (network, browser, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        app.Advance(Duration.FromDays(7) - Duration.FromSeconds(1));
        (await browser.Get($"/networks/{network.NetworkId}/members")).Status.Should().Be(200);
        app.Advance(Duration.FromSeconds(1));
        (await browser.Get($"/networks/{network.NetworkId}/members")).ShouldBeProblem(401);
    });

    [Fact]
    public async Task one_account_signs_in_to_several_networks()
    {
        var login = Invited.UniqueLogin("ada");
        var (first, browser, _) = await api.FoundAndSignIn(login, "Alpha Makers");
        var second = await api.Found("Beta Makers");
        var (_, url) = await api.AdmitInvited(second, "Ada B", "contributor");

        var body = await browser.Accept(url, login, create: false);
        body.Networks.Select(n => n.Name).Should().Equal("Alpha Makers", "Beta Makers");
        (await browser.Get($"/networks/{first.NetworkId}/members")).Status.Should().Be(200);
        (await browser.Get($"/networks/{second.NetworkId}/members")).Status.Should().Be(200);
    }

    [Fact]
    public async Task a_signed_in_account_accepts_without_a_password_but_not_without_the_csrf_header()
    {
        var (_, browser, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        var other = await api.Found("Gamma Makers");
        var (_, url) = await api.AdmitInvited(other, "Ada G", "contributor");

        (await browser.Post("/accounts/invitations/acceptance", new { token = Browser.Token(url) }, echoCsrf: false))
            .ShouldBeProblem(403, code: "csrf-token-invalid");
        var accepted = await browser.Post<AccountResponse>("/accounts/invitations/acceptance",
            new { token = Browser.Token(url) });
        accepted.Expect(200).Networks.Should().HaveCount(2);
    }

    [Fact]
    public async Task racing_wrong_passwords_are_each_counted_or_answer_nothing()
    {
        var login = Invited.UniqueLogin("ada");
        await api.FoundAndSignIn(login);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => SignIn(new Browser(api), login,
            $"guess number {i}")));
        var statuses = answers.Select(a => a.Status).ToList();
        statuses.Should().OnlyContain(s => s == 401 || s == 409 || s == 429,
            "a lost race says nothing about the password");

        await using var query = app.Store.QuerySession();
        var account = await Marten.QueryableExtensions.SingleAsync(query.Query<OpenValue.Api.Accounts.Account>(),
            a => a.Login == login);
        var counted = statuses.Count(s => s == 401);
        account.FailedSignIns.Should().Be(counted % 5, string.Join(",", statuses));
        (account.LockedUntil is not null).Should().Be(counted >= 5);
    }
}
