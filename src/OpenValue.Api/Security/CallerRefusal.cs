using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OpenValue.Api.Security;

/// <summary>Why an authenticated caller may not use a route, as the problem the response carries.</summary>
public sealed class CallerRefusal(IAuthorizationHandler handler, ProblemDetails problem)
    : AuthorizationFailureReason(handler, problem.Detail ?? "")
{
    public ProblemDetails Problem { get; } = problem;
}
