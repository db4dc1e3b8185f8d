namespace OpenValue.Api.Infrastructure;

/// <summary>
/// A write route that answers a retry made with the same <c>Idempotency-Key</c> with its first response:
/// <see cref="IdempotencyMiddleware"/> reads the key and the bound request, <see cref="Write.Idempotent"/> keeps
/// the response with the events. Keys belong to the calling member, or for the anonymous founding of a network
/// to the key alone.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>Founding a network: nobody is signed in, so the key is its own scope.</summary>
    public bool Founding { get; init; }
}
