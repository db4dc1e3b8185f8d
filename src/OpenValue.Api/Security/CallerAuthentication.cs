using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using OpenValue.Api.Accounts;

namespace OpenValue.Api.Security;

/// <summary>
/// Who is calling, as ASP.NET Core authentication and authorization. The default scheme <see cref="Scheme"/>
/// forwards to the bearer scheme (<see cref="ApiTokenHandler"/>) when the request carries a bearer token, else
/// to the cookie scheme (<see cref="SessionHandler"/>) when it carries a session cookie: a bearer token decides
/// alone, whatever cookie comes with it. <see cref="CallerPolicies"/> decide who may call what, and
/// <see cref="CallerRefusals"/> word the refusals.
/// </summary>
public static class CallerAuthentication
{
    public const string Scheme = "Caller";

    public static void AddCallerAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AccessTokenLookup>();
        services.AddAuthentication(Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionHandler>(SessionHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, null, options => options.ForwardDefaultSelector = Select);
        services.AddAuthorization(options =>
        {
            options.FallbackPolicy = CallerPolicies.NetworkMember;
            options.InvokeHandlersAfterFailure = false;
        });
        services.AddSingleton<IAuthorizationPolicyProvider, CallerPolicies>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, CallerRefusals>();
    }

    private static string Select(HttpContext http) =>
        NetworkCredentialHandler.BearerToken(http) is null && http.Request.Cookies.ContainsKey(Cookies.Session)
            ? SessionHandler.SchemeName
            : ApiTokenHandler.SchemeName;
}
