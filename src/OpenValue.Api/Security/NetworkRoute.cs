namespace OpenValue.Api.Security;

/// <summary>
/// The route value that names a request's network: Wolverine opens the endpoint's sessions for it (the tenant),
/// and every route that carries it needs a caller who is a present member of that network.
/// </summary>
public static class NetworkRoute
{
    public const string Value = "networkId";

    /// <summary>The route's network as the path spells it, or null on a route that names none.</summary>
    public static string? Of(HttpContext http) => http.GetRouteValue(Value) as string;
}
