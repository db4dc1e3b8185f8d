using JasperFx;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Domain;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem details. Domain refusals are thrown before
/// anything is saved, so every response written here leaves the event store unchanged.
/// </summary>
public sealed class ProblemsMiddleware(RequestDelegate next, ILogger<ProblemsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && ToProblem(exception) is { } problem)
        {
            if (problem.Status >= 500)
                logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method,
                    context.Request.Path);
            context.Response.Clear();
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await Problems.Write(context, problem);
        }
    }

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        RuleViolation v => Problems.From(v),
        _ when IsConcurrencyFailure(exception) => Problems.Conflict("concurrent-change",
                "Someone else changed this at the same moment; nothing was saved. Reload and try again."),
        BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => Problems.Invalid(
            "body", $"The request body is not valid JSON for this request: {json.Message}"),
        System.Text.Json.JsonException json => Problems.Invalid("body",
            $"The request body is not valid JSON for this request: {json.Message}"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.Create(
            StatusCodes.Status413PayloadTooLarge, "body-too-large",
            "The request body is larger than this server accepts."),
        BadHttpRequestException bad => Problems.Invalid("body", bad.Message),
        _ when IsDatabaseUnreachable(exception) => Problems.Create(503, "database-unavailable",
                "The database cannot be reached just now; nothing was saved. Try again in a few seconds."),
        OperationCanceledException => null,
        _ => new ProblemDetails { Status = 500, Title = "Unexpected error", Type = "urn:openvalue:problem:unexpected" },
    };

    /// <summary>How long a client should wait before retrying when PostgreSQL cannot be reached.</summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>
    /// PostgreSQL out of reach: a connection refused, broken or timed out, or the pool waiting in vain for one.
    /// Npgsql marks these transient; an error the server itself reports (a constraint, a syntax error) is not.
    /// </summary>
    public static bool IsDatabaseUnreachable(Exception exception) =>
        exception is Npgsql.NpgsqlException { IsTransient: true } and not Npgsql.PostgresException
        || exception.InnerException is { } inner && IsDatabaseUnreachable(inner);

    /// <summary>Optimistic-concurrency losses and unique-key races: someone else's write won.</summary>
    public static bool IsConcurrencyFailure(Exception exception) => exception is
        ConcurrencyException or DocumentAlreadyExistsException or Marten.Exceptions.ConcurrentUpdateException or
        Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException or
        JasperFx.Events.EventStreamUnexpectedMaxEventIdException or
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || exception.InnerException is { } inner && IsConcurrencyFailure(inner);
}

public static class Problems
{
    public static ProblemDetails From(RuleViolation violation)
    {
        var status = violation.Kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = Create(status, violation.Code, violation.Message, violation.Field);
        foreach (var (name, value) in violation.Details)
            problem.Extensions[name] = value;
        return problem;
    }

    public static ProblemDetails Invalid(string field, string detail) => Create(400, "invalid-" + field.Replace(".",
        "-"), detail, field);

    public static ProblemDetails Conflict(string code, string detail) => Create(409, code, detail);

    public static ProblemDetails Create(int status, string code, string detail, string? field = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = "urn:openvalue:problem:" + code,
            Title = ReasonPhrases(status),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (field is not null)
            problem.Extensions["field"] = field;
        return problem;
    }

    public static Task Write(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 500;
        problem.Instance ??= context.Request.Path;
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json");
    }

    private static string ReasonPhrases(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
