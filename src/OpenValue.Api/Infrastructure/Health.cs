using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace OpenValue.Api.Infrastructure;

public sealed record HealthResponse(string Status, string Database);

public static class HealthEndpoint
{
    /// <summary>Liveness plus a round trip to PostgreSQL; 503 when the database cannot be reached.</summary>
    [WolverineGet("/health")]
    [EndpointSummary("Check liveness and the database")]
    [EndpointDescription("200 when PostgreSQL answers, 503 (with Retry-After) when it cannot be reached.")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status503ServiceUnavailable)]
    public static async Task<IResult> Get(Marten.IDocumentStore store, HttpContext http, CancellationToken cancellation)
    {
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellation);
            return Results.Ok(new HealthResponse("healthy", "reachable"));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            http.Response.Headers.RetryAfter = ProblemsMiddleware.RetryAfterSeconds;
            return Results.Json(new HealthResponse("unhealthy", "unreachable"),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
