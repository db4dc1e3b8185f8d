using OpenValue.Domain;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Raises the alarm when a money decision was refused because stored state disagrees with its events
/// (<see cref="StoredState"/>): someone changed the database behind the app. The log names the route and the
/// document, never a payload; the refusal itself becomes problem details further out (ProblemsMiddleware).
/// </summary>
public sealed class AlarmMiddleware(RequestDelegate next, ILogger<AlarmMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RuleViolation violation) when (violation.Code == StoredState.Code)
        {
            logger.LogCritical("Integrity alarm on {Method} {Path}: {Detail}",
                context.Request.Method, context.Request.Path, violation.Message);
            throw;
        }
    }
}
