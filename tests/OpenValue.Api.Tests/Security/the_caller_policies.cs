using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Api.Tests.Accounts;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// What the authorization middleware enforces, read from the app itself: every network route's policy starts
/// with the tenancy requirement and asks for exactly the roles its [Allow] names (which the OpenAPI document
/// shows); the principals name ids and never a secret; the tenancy decision's refusals in their order.
/// </summary>
[Collection(AppCollection.Name)]
public class the_caller_policies(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task every_network_route_needs_a_member_of_its_network_holding_exactly_its_allowed_roles()
    {
        var provider = app.Host.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = app.Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText!.Contains("{networkId}")).ToList();
        var guardedByRole = 0;
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText;
            endpoint.Metadata.GetMetadata<IAllowAnonymous>().Should().BeNull(route);
            var policy = await AuthorizationPolicy.CombineAsync(provider,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            policy!.Requirements[0].Should().BeOfType<NetworkMemberRequirement>(route);
            var allowed = endpoint.Metadata.GetMetadata<AllowAttribute>()?.Roles ?? [];
            policy.Requirements.OfType<RoleRequirement>().SelectMany(r => r.Roles).Should()
                .BeEquivalentTo(allowed, route);
            policy.Requirements.Should().HaveCount(allowed.Count > 0 ? 2 : 1, route);
            guardedByRole += allowed.Count > 0 ? 1 : 0;
        }
        endpoints.Should().HaveCountGreaterThan(10);
        guardedByRole.Should().BeGreaterThan(10, "most writes need a role");
    }

    [Fact]
    public async Task a_token_and_a_session_make_principals_of_ids_without_any_secret()
    {
        var (n, ada, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        var cookie = ada.Cookies["ov_session"];
        var secrets = new[] { n.Token, AccessToken.Hash(n.Token), cookie, Api.Accounts.Secrets.Hash(cookie),
            ada.Cookies["ov_csrf"], Api.Accounts.Secrets.Hash(ada.Cookies["ov_csrf"]) };

        foreach (var (header, value) in new[]
                 { ("Authorization", "Bearer " + n.Token), ("Cookie", $"ov_session={cookie}") })
        {
            using var scope = app.Host.Services.CreateScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            (http.Request.Method, http.Request.Headers[header]) = ("GET", value);
            http.Request.RouteValues[NetworkRoute.Value] = n.NetworkId.ToString();

            var result = await http.AuthenticateAsync();
            result.Succeeded.Should().BeTrue(header);
            http.User = result.Principal!;
            result.Principal!.Claims.Select(c => c.Value).Should()
                .NotContain(v => secrets.Any(s => v.Contains(s)), header);
            var caller = http.Caller();
            (caller.NetworkId, caller.MemberId).Should().Be((n.NetworkId, n.MemberId), header);
            caller.Roles.Should().BeEquivalentTo(Enum.GetValues<Role>(), "the founder holds every role");
        }
    }

    [Fact]
    public async Task the_fallback_grants_a_route_without_a_network_to_anyone_and_nothing_without_a_request()
    {
        var authorization = app.Host.Services.GetRequiredService<IAuthorizationService>();
        var member = CallerPrincipal.For("test", Guid.NewGuid(), new MemberView { Id = Guid.NewGuid() });
        var open = new DefaultHttpContext();
        var network = new DefaultHttpContext();
        network.Request.RouteValues[NetworkRoute.Value] = Guid.NewGuid().ToString();

        (await authorization.AuthorizeAsync(new ClaimsPrincipal(), open, CallerPolicies.NetworkMember)).Succeeded
            .Should().BeTrue("founding, sign-in, health and the web app need nobody");
        (await authorization.AuthorizeAsync(new ClaimsPrincipal(), network, CallerPolicies.NetworkMember)).Succeeded
            .Should().BeFalse();
        (await authorization.AuthorizeAsync(member, network, CallerPolicies.NetworkMember)).Succeeded
            .Should().BeFalse("a member of another network");
        (await authorization.AuthorizeAsync(member, null, CallerPolicies.NetworkMember)).Succeeded
            .Should().BeFalse("without the request there is no route to grant");
    }

    [Fact]
    public void tenancy_refuses_another_network_then_a_missing_member_then_a_departure()
    {
        var network = Guid.NewGuid();
        var member = new MemberView { Id = Guid.NewGuid(), Roles = [Role.Steward] };
        ClaimsPrincipal Of(Guid? n, MemberView? m) => CallerPrincipal.For("test", n, m);
        string? Code(ClaimsPrincipal p) => NetworkMemberRequirement.Refusal(p, network.ToString())?.Extensions["code"]
            as string;

        Code(Of(null, member)).Should().Be("network-not-found", "an account with no membership in this network");
        Code(Of(Guid.NewGuid(), member)).Should().Be("network-not-found");
        Code(Of(Guid.NewGuid(), null)).Should().Be("network-not-found", "another network's answer comes first");
        Code(Of(network, null)).Should().Be("unauthenticated");
        var left = new MemberView
            { Id = member.Id, Roles = [Role.Steward], DepartedOn = new NodaTime.LocalDate(2026, 11, 2) };
        var departed = NetworkMemberRequirement.Refusal(Of(network, left), network.ToString())!;
        (departed.Status, departed.Detail).Should().Be((403,
            "You left this network on 2026-11-02: you can no longer sign in to it or act in it."));
        NetworkMemberRequirement.Refusal(Of(network, member), network.ToString()).Should().BeNull();
    }
}
