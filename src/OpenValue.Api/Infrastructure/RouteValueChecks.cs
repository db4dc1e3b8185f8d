using OpenValue.Domain;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Refuses a path whose ids cannot be ids before anything looks them up: every route value named like an id
/// (<c>networkId</c>, <c>contributionId</c>, …) must be a UUID and <c>version</c> a whole number, else 400 naming
/// the parameter. Without it such a request was an empty 404, as if the thing merely did not exist. It runs
/// before the caller is authenticated: the shape of an id says nothing about whether anything exists.
/// </summary>
public sealed class RouteValueChecks(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, value) in context.Request.RouteValues)
            if (value is string text && Refusal(name, text) is { } detail)
                return Problems.Write(context, Problems.From(RuleViolation.Invalid(name, detail)));
        return next(context);
    }

    private static string? Refusal(string name, string text) => name switch
    {
        "version" when !int.TryParse(text, System.Globalization.NumberStyles.None, null, out var n) || n < 1 =>
            $"'{name}' in the path must be a whole number from 1 (got '{text}').",
        _ when name.EndsWith("Id", StringComparison.Ordinal) && !Guid.TryParse(text, out _) =>
            $"'{name}' in the path must be a UUID such as 0197a000-0000-7000-8000-000000000001 (got '{text}').",
        _ => null,
    };
}
