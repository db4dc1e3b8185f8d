using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The first response to a request made with an <c>Idempotency-Key</c>, kept so a retry gets it again.
/// Stored in the same Marten session, hence the same transaction, as the events the request appended:
/// a crash keeps both or neither. Global (not tenanted) because founding a network has no tenant yet;
/// the id carries the network and member scope instead.
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, int Status, string? Location, string ResponseJson, Instant RecordedAt, Instant KeepUntil);

/// <summary>What a creating endpoint produced: status, where the new thing lives, and the body.</summary>
public sealed record Outcome(int Status, string? Location, object Body)
{
    public static Outcome Created(string location, object body) => new(StatusCodes.Status201Created, location, body);
}

public sealed class Idempotency(IClock clock, IOptions<JsonOptions> json)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly Duration KeptFor = Duration.FromDays(30);
    private const int MaxKeyLength = 200;

    /// <summary>
    /// Runs <paramref name="work"/> (which appends to <paramref name="session"/> but does not save) and saves,
    /// at most once per key. Same key and same request: the first response again. Same key, another request:
    /// 422. Two racing requests with one key: the loser's transaction fails on the record's primary key, its
    /// events are rolled back with it, and it answers with the winner's response.
    /// </summary>
    public async Task<IResult> Once(HttpContext http, IDocumentSession session, string scope, object request, Func<Task<Outcome>> work)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            var outcome = await work();
            await session.SaveChangesAsync(http.RequestAborted);
            return new FreshResponse(outcome, json.Value.SerializerOptions);
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
            return Results.Problem(Problems.Invalid(Header, $"The {Header} header must be 1 to {MaxKeyLength} printable characters."));

        var id = $"{scope}:{key}";
        var hash = Hash(http, request);
        if (await session.LoadAsync<IdempotencyRecord>(id, http.RequestAborted) is { } earlier)
            return Replay(earlier, hash);

        var result = await work();
        var now = clock.GetCurrentInstant();
        var record = new IdempotencyRecord(id, hash, result.Status, result.Location, Serialize(result.Body), now, now + KeptFor);
        session.Insert(record);
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (ProblemsMiddleware.IsConcurrencyFailure(e))
        {
            session.EjectAllPendingChanges();
            await using var fresh = session.DocumentStore.QuerySession();
            var winner = await fresh.LoadAsync<IdempotencyRecord>(id, http.RequestAborted);
            if (winner is null)
                throw;
            return Replay(winner, hash);
        }
        return Respond(record.Status, record.Location, record.ResponseJson, replayed: false);
    }

    private static IResult Replay(IdempotencyRecord earlier, string hash) =>
        earlier.RequestHash == hash
            ? Respond(earlier.Status, earlier.Location, earlier.ResponseJson, replayed: true)
            : Results.Problem(Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                $"This {Header} was already used for a different request; use a new key for a new request."));

    private static IResult Respond(int status, string? location, string json, bool replayed) => new StoredResponse(status, location, json, replayed);

    private string Serialize(object body) => JsonSerializer.Serialize(body, body.GetType(), json.Value.SerializerOptions);

    /// <summary>Method, path and the bound request re-serialised: whitespace and field order do not matter.</summary>
    private string Hash(HttpContext http, object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path}\n{Serialize(request)}")));

    /// <summary>A response nobody keeps is serialised straight onto the wire, never held whole as a string (a proposal at 100,000 members is tens of MB of JSON).</summary>
    private sealed class FreshResponse(Outcome outcome, JsonSerializerOptions options) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = outcome.Status;
            if (outcome.Location is not null)
                context.Response.Headers.Location = outcome.Location;
            context.Response.ContentType = "application/json; charset=utf-8";
            return JsonSerializer.SerializeAsync(context.Response.Body, outcome.Body, outcome.Body.GetType(), options, context.RequestAborted);
        }
    }

    private sealed class StoredResponse(int status, string? location, string json, bool replayed) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (location is not null)
                context.Response.Headers.Location = location;
            if (replayed)
                context.Response.Headers[ReplayedHeader] = "true";
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(json, context.RequestAborted);
        }
    }
}
