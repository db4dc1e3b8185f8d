using OpenValue.Api.Networks.Members;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Networks;

namespace OpenValue.Api.Tests.Accounts;

/// <summary>A cookie session gets what a bearer token gets, and is refused what a bearer token is refused.</summary>
[Collection(AppCollection.Name)]
public class sessions_are_guarded(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task every_network_route_refuses_a_session_of_another_network()
    {
        var target = await api.Found("Target");
        var (_, outsider, _) = await api.FoundAndSignIn(Invited.UniqueLogin("eve"), "Outsider");
        var before = await app.EventCount(target.NetworkId);

        foreach (var (method, url) in every_route_is_guarded.NetworkRoutes(app, target.NetworkId))
            (await outsider.Send(new HttpMethod(method), url)).ShouldBeProblem(404, code: "network-not-found");
        (await app.EventCount(target.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_session_holds_the_members_roles_and_no_more()
    {
        var network = await api.Found();
        var (_, url) = await api.AdmitInvited(network, "Bob", "contributor");
        var bob = new Browser(api);
        await bob.Accept(url, Invited.UniqueLogin("bob"));
        var before = await app.EventCount(network.NetworkId);

        (await bob.Post($"/networks/{network.NetworkId}/members", new { name = "Eve", roles = new[] { "steward" },
            stakeholderClass = "labour" }))
            .ShouldBeProblem(403, code: "role-required");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
        (await bob.Get($"/networks/{network.NetworkId}/members")).Status.Should().Be(200);
    }

    [Fact]
    public async Task an_unsafe_request_without_the_csrf_header_is_refused_and_appends_nothing()
    {
        var (network, ada, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        var before = await app.EventCount(network.NetworkId);
        var admit = new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" };

        (await ada.Post($"/networks/{network.NetworkId}/members", admit, echoCsrf: false)).ShouldBeProblem(403,
            code: "csrf-token-invalid");
        ada.Cookies["ov_csrf"] = "forged";
        (await ada.Post($"/networks/{network.NetworkId}/members", admit)).ShouldBeProblem(403,
            code: "csrf-token-invalid");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_steward_with_a_session_admits_a_member()
    {
        var (network, ada, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));

        var admitted = await ada.Post<MemberAdmittedResponse>($"/networks/{network.NetworkId}/members",
            new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" });
        admitted.Expect(201).InvitationUrl.Should().StartWith("http://localhost/app/invitation#");
    }

    [Fact]
    public async Task no_cookie_and_an_unknown_cookie_are_401()
    {
        var network = await api.Found();
        var stranger = new Browser(api);
        (await stranger.Get($"/networks/{network.NetworkId}/members")).ShouldBeProblem(401, code: "unauthenticated");
        stranger.Cookies["ov_session"] = "made-up";
        (await stranger.Get($"/networks/{network.NetworkId}/members")).ShouldBeProblem(401, code: "unauthenticated");
        (await stranger.Get("/accounts/me")).ShouldBeProblem(401, code: "unauthenticated");
    }
}
