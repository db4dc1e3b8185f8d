using Microsoft.AspNetCore.Mvc;

namespace OpenValue.Api.Security;

/// <summary>
/// Why a credential was refused before anyone looked at the route (an unknown token, a session request without
/// its CSRF header, an address past its failed authentications): the failure of an authentication handler's
/// result, written as it is by <see cref="CallerRefusals"/>. It names no secret.
/// </summary>
public sealed class CredentialRefused(ProblemDetails problem, string? retryAfterSeconds = null)
    : Exception(problem.Detail)
{
    public ProblemDetails Problem { get; } = problem;

    public string? RetryAfterSeconds { get; } = retryAfterSeconds;
}
