using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>
/// The authorization policies: <see cref="NetworkMember"/> is the fallback of every endpoint without
/// authorization data (deny by default on network routes), and an <see cref="AllowAttribute"/> names a policy
/// <c>allow:Role,Role</c> that adds its <see cref="RoleRequirement"/>. Requirements are checked in order and
/// the first refusal decides (<see cref="AuthorizationOptions.InvokeHandlersAfterFailure"/> is off), so tenancy
/// comes before roles: a member of another network learns nothing about the roles a route needs.
/// </summary>
public sealed class CallerPolicies(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private const string AllowPrefix = "allow:";

    public static readonly AuthorizationPolicy NetworkMember = new AuthorizationPolicyBuilder()
        .AddRequirements(new NetworkMemberRequirement()).Build();

    public static string AllowPolicy(IEnumerable<Role> roles) => AllowPrefix + string.Join(',', roles);

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        policyName.StartsWith(AllowPrefix, StringComparison.Ordinal)
            ? Task.FromResult<AuthorizationPolicy?>(Allow(Roles(policyName[AllowPrefix.Length..])))
            : base.GetPolicyAsync(policyName);

    /// <summary>Every policy here depends on its name alone, so the middleware may keep one per endpoint.</summary>
    public override bool AllowsCachingPolicies => true;

    public static AuthorizationPolicy Allow(IReadOnlyList<Role> roles) => new AuthorizationPolicyBuilder()
        .AddRequirements(new NetworkMemberRequirement(), new RoleRequirement(roles)).Build();

    private static Role[] Roles(string names) =>
        [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>)];
}
