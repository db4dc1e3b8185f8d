using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Security;

/// <summary>
/// Writes every refusal of the authorization policies as problem details: an authorization refusal
/// (<see cref="CallerRefusal"/>: another network, a member who left, a missing role) or, when no caller was
/// authenticated, why not (<see cref="CredentialRefused"/>: an unknown token, a missing CSRF header, too many
/// failures) or that no credential came at all. Every 401 says <c>WWW-Authenticate: Bearer</c> and counts
/// towards the address's failed authentications.
/// </summary>
public sealed class CallerRefusals(FailedAuthentications failures) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        var refusal = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<CallerRefusal>().FirstOrDefault();
        // The handler's result is kept for the request, so asking again looks nothing up twice.
        var refused = refusal is null ? (await context.AuthenticateAsync()).Failure as CredentialRefused : null;
        var problem = refusal?.Problem ?? refused?.Problem
            ?? Unauthenticated("Send 'Authorization: Bearer <member token>', or sign in.");
        if (refused?.RetryAfterSeconds is { } after)
            context.Response.Headers.RetryAfter = after;
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            failures.Count(context);
        }
        await Problems.Write(context, problem);
    }

    public static ProblemDetails Unauthenticated(string detail) => Problems.Create(401, "unauthenticated", detail);
}
