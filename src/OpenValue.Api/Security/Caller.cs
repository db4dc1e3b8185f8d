using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>The authenticated member making this request, with the roles they hold right now.</summary>
public sealed record Caller(Guid NetworkId, Guid MemberId, IReadOnlySet<Role> Roles)
{
    public bool Holds(Role role) => Roles.Contains(role);

    /// <summary>Idempotency keys are the caller's own: two members may pick the same key without clashing.</summary>
    public string IdempotencyScope => $"{NetworkId}:{MemberId}";
}

public static class CallerExtensions
{
    /// <summary>
    /// The caller the authorization policies admitted, read from the request's principal (<see
    /// cref="CallerPrincipal"/>); every network route has one.
    /// </summary>
    public static Caller Caller(this HttpContext context)
    {
        if (context.Features.Get<Caller>() is { } known)
            return known;
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || CallerPrincipal.Network(user) is not { } network
            || CallerPrincipal.Member(user) is not { } member)
            throw new InvalidOperationException("This route names no network, so it has no admitted caller.");
        var caller = new Caller(network, member, CallerPrincipal.Roles(user));
        context.Features.Set(caller);
        return caller;
    }
}
