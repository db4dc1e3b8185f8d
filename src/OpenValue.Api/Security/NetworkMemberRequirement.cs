using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Security;

/// <summary>
/// Tenancy, deny by default: on a route that names a network, the caller must be a member of that network who
/// has not left it. A credential of another network is 404, exactly as for a network that does not exist, so
/// existence never leaks; a token whose member is gone is 401; a member who left is 403 (member-departed), by
/// token or by session alike, since a member who left keeps their tokens and account. A route that names no
/// network needs no caller. It is the app's fallback policy, and part of every <see cref="AllowAttribute"/>'s.
/// </summary>
public sealed class NetworkMemberRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        // Deny by default: without the request to read its route from, nothing is granted.
        if (context.Resource is not HttpContext http)
            return Task.CompletedTask;
        if (NetworkRoute.Of(http) is not { } routeNetwork)
            context.Succeed(this);
        // Without an authenticated caller nothing is decided here: the challenge says why there is none.
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            if (Refusal(context.User, routeNetwork) is { } refusal)
                context.Fail(new CallerRefusal(this, refusal));
            else
                context.Succeed(this);
        }
        return Task.CompletedTask;
    }

    /// <summary>Why this caller may not act in the route's network, or null when they may.</summary>
    public static ProblemDetails? Refusal(ClaimsPrincipal caller, string routeNetwork)
    {
        if (!Guid.TryParse(routeNetwork, out var networkId) || CallerPrincipal.Network(caller) != networkId)
            return NetworkNotFound();
        if (CallerPrincipal.Member(caller) is null)
            return CallerRefusals.Unauthenticated("The bearer token no longer belongs to a member.");
        if (CallerPrincipal.DepartedOn(caller) is { } left)
            return Problems.Create(403, "member-departed",
                $"You left this network on {Domain.Dates.Format(left)}: you can no longer sign in to it or act in it.");
        return null;
    }

    public static ProblemDetails NetworkNotFound() => Problems.Create(404, "network-not-found", "No such network.");
}
