using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>The authenticated member making this request, with the roles they hold right now.</summary>
public sealed record Caller(Guid NetworkId, Guid MemberId, IReadOnlySet<Role> Roles)
{
    public bool Holds(Role role) => Roles.Contains(role);

    /// <summary>Idempotency keys are the caller's own: two members may pick the same key without clashing.</summary>
    public string IdempotencyScope => $"{NetworkId}:{MemberId}";
}

/// <summary>
/// Which roles may call an endpoint under /networks/{networkId}. Without it any member of the network may;
/// with it the caller must hold at least one of the roles listed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}

public static class CallerExtensions
{
    /// <summary>The caller the <see cref="CallerMiddleware"/> admitted; every network route has one.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("This route is not behind CallerMiddleware.");
}
