namespace OpenValue.Api.Infrastructure;

/// <summary>
/// A request to an <see cref="IdempotentAttribute"/> route that carries a key: the key as sent, whose keys it is
/// among (the scope), and the hash of the request as bound (method, path and body re-serialised).
/// </summary>
public sealed record IdempotentRequest(string Key, string Scope, string RequestHash);
