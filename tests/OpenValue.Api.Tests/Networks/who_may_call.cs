using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Networks;

/// <summary>
/// The refusals every network route shares: 401 without a valid token, 404 across networks, 403 without the role.
/// </summary>
[Collection(AppCollection.Name)]
public class who_may_call(AppFixture app)
{
    private readonly ApiClient api = new(app);

    public static TheoryData<string, string> NetworkRoutes => new()
    {
        { "GET", "/networks/{n}" },
        { "GET", "/networks/{n}/members" },
        { "POST", "/networks/{n}/members" },
        { "POST", "/networks/{n}/members/{m}/roles" },
    };

    private static string Url(string template, FoundedNetwork network) =>
        template.Replace("{n}", network.NetworkId.ToString()).Replace("{m}", network.MemberId.ToString());

    [Theory, MemberData(nameof(NetworkRoutes))]
    public async Task no_token_is_401(string method, string route)
    {
        var network = await api.Found();
        var result = await api.Send(new HttpMethod(method), Url(route, network), method == "POST" ? new { } : null);
        result.ShouldBeProblem(401, code: "unauthenticated");
        result.Response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Theory, MemberData(nameof(NetworkRoutes))]
    public async Task an_unknown_token_is_401(string method, string route)
    {
        var network = await api.Found();
        var result = await api.Send(new HttpMethod(method), Url(route, network), method == "POST" ? new { } : null,
            "ov_not-a-real-token");
        result.ShouldBeProblem(401);
    }

    [Theory, MemberData(nameof(NetworkRoutes))]
    public async Task a_member_of_another_network_gets_404_as_for_a_network_that_does_not_exist(string method,
        string route)
    {
        var network = await api.Found("Target");
        var outsider = await api.Found("Outsider");
        var body = method == "POST" ? new { name = "Mallory", roles = new[] { "steward" }, stakeholderClass = "labour",
            grant = new[] { "steward" } } : null;

        var across = (await api.Send(new HttpMethod(method), Url(route, network), body, outsider.Token))
            .ShouldBeProblem(404, code: "network-not-found");
        var nowhere = (await api.Send(new HttpMethod(method), route.Replace("{n}", Guid.NewGuid().ToString())
            .Replace("{m}", network.MemberId.ToString()), body, outsider.Token))
            .ShouldBeProblem(404, code: "network-not-found");
        across.Detail.Should().NotBeNull().And.Be(nowhere.Detail);
        (await app.EventCount(network.NetworkId)).Should().Be(2, "nothing was appended to the target network");
    }

    [Theory]
    [InlineData("POST", "/networks/{n}/members", "contributor")]
    [InlineData("POST", "/networks/{n}/members/{m}/roles", "treasurer")]
    public async Task a_member_without_the_role_gets_403(string method, string route, string role)
    {
        var network = await api.Found();
        var member = await api.Admit(network, "Bob", "labour", role);
        var body = new { name = "Cy", roles = Array.Empty<string>(), stakeholderClass = "user",
            grant = new[] { "steward" } };
        (await api.Send(new HttpMethod(method), Url(route, network), body, member.Token)).ShouldBeProblem(403,
            code: "role-required");
        (await app.EventCount(network.NetworkId)).Should().Be(3);
    }

    [Fact]
    public async Task a_malformed_network_id_is_400_naming_it()
    {
        var network = await api.Found();
        (await api.Get("/networks/not-a-guid/members", network.Token)).ShouldBeProblem(400, field: "networkId",
            code: "invalid-networkId");
    }
}
