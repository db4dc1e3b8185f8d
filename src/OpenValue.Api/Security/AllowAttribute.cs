using Microsoft.AspNetCore.Authorization;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>
/// Which roles may call an endpoint under /networks/{networkId}. Without it any member of the network may;
/// with it the caller must hold at least one of the roles listed. It is the endpoint's authorization data: its
/// policy (<see cref="CallerPolicies"/>) asks for a present member of the route's network holding one of them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowAttribute(params Role[] roles) : Attribute, IAuthorizeData
{
    public IReadOnlyList<Role> Roles { get; } = roles;

    // Read-only: the roles are the attribute's one argument, so nothing else may be set on it.
    string? IAuthorizeData.Policy
    {
        get => CallerPolicies.AllowPolicy(Roles);
        set => throw new NotSupportedException();
    }

    string? IAuthorizeData.Roles
    {
        get => null;
        set => throw new NotSupportedException();
    }

    string? IAuthorizeData.AuthenticationSchemes
    {
        get => null;
        set => throw new NotSupportedException();
    }
}
