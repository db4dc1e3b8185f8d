using Microsoft.AspNetCore.Authorization;
using OpenValue.Api.Infrastructure;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>
/// An endpoint's <see cref="AllowAttribute"/>: the caller holds at least one of its roles now (the roles come
/// from the member view on every request), else 403 role-required. No roles listed: any member may.
/// </summary>
public sealed class RoleRequirement(IReadOnlyList<Role> roles) : IAuthorizationRequirement, IAuthorizationHandler
{
    public IReadOnlyList<Role> Roles { get; } = roles;

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return Task.CompletedTask;
        if (Roles.Count == 0 || Roles.Any(CallerPrincipal.Roles(context.User).Contains))
            context.Succeed(this);
        else
            context.Fail(new CallerRefusal(this, Problems.Create(403, "role-required",
                $"This needs the {string.Join(" or ", Roles.Select(Wire.Name))} role.")));
        return Task.CompletedTask;
    }
}
