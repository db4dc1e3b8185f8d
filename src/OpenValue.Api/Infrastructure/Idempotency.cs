using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using OpenValue.Api.Security;
using OpenValue.Domain;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The first response to a request made with an <c>Idempotency-Key</c>, kept so a retry gets it again.
/// Stored in the same Marten session, hence the same transaction, as the events the request appended:
/// a crash keeps both or neither. Global (not tenanted) because founding a network has no tenant yet;
/// the id is the scope (the calling member, or founding) and the SHA-256 of the key, never the key itself.
/// A response that holds a credential is kept only sealed (<see cref="ResponseSeal"/>), never as JSON.
/// </summary>
public sealed record IdempotencyRecord(
    string Id, string RequestHash, int Status, string? Location, string? ResponseJson, string? SealedResponse,
    Instant RecordedAt, long ExpiresAtSeconds);

/// <summary>
/// What a creating endpoint produced: status, where the new thing lives, the body, and whether it holds a credential.
/// </summary>
public sealed record Outcome(int Status, string? Location, object Body, bool HoldsCredential = false)
{
    public static Outcome Created(string location, object body) => new(StatusCodes.Status201Created, location, body);

    public static Outcome CreatedWithCredential(string location, object body) =>
        new(StatusCodes.Status201Created, location, body, HoldsCredential: true);
}

public sealed class Idempotency(IClock clock, IOptions<JsonOptions> json)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The scope of anonymous founding, where the key itself is the only secret the caller holds.</summary>
    public const string FoundingScope = "founding";

    public static readonly Duration KeptFor = Duration.FromDays(30);

    /// <summary>
    /// A response holding a credential is replayable for a day: long enough for any retry, short at rest.
    /// </summary>
    public static readonly Duration CredentialKeptFor = Duration.FromHours(24);

    public const int MinFoundingKeyLength = 32;
    private const int MaxKeyLength = 200;

    /// <summary>
    /// Runs <paramref name="work"/> (which appends to <paramref name="session"/> but does not save) and saves,
    /// at most once per key that <see cref="IdempotencyMiddleware"/> noted. Same key and same request: the first
    /// response again. Same key, another request: 422. Two racing requests with one key: the loser's transaction
    /// fails on the record's primary key, its events are rolled back with it, and it answers with the winner's
    /// response. An expired record is removed first, so its key starts afresh.
    /// </summary>
    public Task<IResult> Run(HttpContext http, IDocumentSession session, Func<Task<Outcome>> work) =>
        Run(http, session, http.Features.Get<IdempotentRequest>(), work);

    private async Task<IResult> Run(HttpContext http, IDocumentSession session, IdempotentRequest? keyed,
        Func<Task<Outcome>> work)
    {
        if (keyed is null)
        {
            var outcome = await work();
            await session.SaveChangesAsync(http.RequestAborted);
            return new FreshResponse(outcome, json.Value.SerializerOptions);
        }
        var (key, scope, hash) = keyed;
        if (KeyProblem(key, scope) is { } problem)
            return Results.Problem(problem);

        var id = $"{scope}:{ResponseSeal.Hash(key)}";
        var secret = ReplaySecret(http, scope, key);
        if (await Current(session, id, http.RequestAborted) is { } earlier)
            return Replay(earlier, hash, secret);

        Outcome result;
        try
        {
            result = await work();
        }
        catch (RuleViolation)
        {
            // A request with the same key that committed while this one ran makes this one's decision refuse
            // (the payout is already reissued, the pool no longer has the money): the caller asked once, so it
            // gets the first response, not the refusal its own retry caused.
            if (await Current(session, id, http.RequestAborted) is { } winner)
                return Replay(winner, hash, secret);
            throw;
        }
        var record = Record(id, hash, result, secret, http.Now());
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
            return Replay(winner, hash, secret);
        }
        return new FreshResponse(result, json.Value.SerializerOptions);
    }

    /// <summary>
    /// Deletes every record past its time; run at start and every hour by <see cref="IdempotencyPurge"/>.
    /// </summary>
    public async Task<int> PurgeExpired(IDocumentStore store, CancellationToken cancellation)
    {
        var now = clock.GetCurrentInstant().ToUnixTimeSeconds();
        await using var session = store.LightweightSession();
        var expired = await session.Query<IdempotencyRecord>().Where(r => r.ExpiresAtSeconds <= now)
            .CountAsync(cancellation);
        session.DeleteWhere<IdempotencyRecord>(r => r.ExpiresAtSeconds <= now);
        await session.SaveChangesAsync(cancellation);
        return expired;
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails? KeyProblem(string key, string scope)
    {
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
            return Problems.Invalid(Header, $"The {Header} header must be 1 to {MaxKeyLength} printable characters.");
        // Founding is anonymous: whoever sends the key again gets the founder's token back, so the key must be
        // a secret nobody else would pick (a random UUID is 36 characters), not a counter or a word.
        return scope == FoundingScope && key.Length < MinFoundingKeyLength
            ? Problems.Invalid(Header,
                $"When founding a network the {Header} is the only proof that a retry is yours: " +
                $"use a random value of at least {MinFoundingKeyLength} characters, such as a new UUID.")
            : null;
    }

    /// <summary>
    /// What a sealed response is sealed under: the caller's bearer token or session cookie, or for founding
    /// the key itself. None of them is stored anywhere in plaintext.
    /// </summary>
    private static string ReplaySecret(HttpContext http, string scope, string key) =>
        scope == FoundingScope ? key
        : NetworkCredentialHandler.BearerToken(http) ?? http.Request.Cookies[Accounts.Cookies.Session] ?? key;

    private async Task<IdempotencyRecord?> Current(IDocumentSession session, string id, CancellationToken cancellation)
    {
        var record = await session.LoadAsync<IdempotencyRecord>(id, cancellation);
        if (record is null || record.ExpiresAtSeconds > clock.GetCurrentInstant().ToUnixTimeSeconds())
            return record;
        await using var cleanup = session.DocumentStore.LightweightSession();
        cleanup.Delete<IdempotencyRecord>(id);
        await cleanup.SaveChangesAsync(cancellation);
        session.Eject(record);
        return null;
    }

    private IdempotencyRecord Record(string id, string hash, Outcome result, string secret, Instant now)
    {
        var body = Serialize(result.Body);
        var expires = (now + (result.HoldsCredential ? CredentialKeptFor : KeptFor)).ToUnixTimeSeconds();
        return result.HoldsCredential
            ? new IdempotencyRecord(id, hash, result.Status, result.Location, null, ResponseSeal.Seal(body, secret, id),
                now,
                expires)
            : new IdempotencyRecord(id, hash, result.Status, result.Location, body, null, now, expires);
    }

    private static IResult Replay(IdempotencyRecord earlier, string hash, string secret)
    {
        if (earlier.RequestHash != hash)
            return Results.Problem(Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                $"This {Header} was already used for a different request; use a new key for a new request."));
        var body = earlier.SealedResponse is { } sealedBody
            ? ResponseSeal.Open(sealedBody, secret, earlier.Id)
            : earlier.ResponseJson;
        return body is null
            ? Results.Problem(Problems.Conflict("replay-unavailable",
                "This request was already carried out, but its response held a credential sealed for the token that " +
                "sent it, and that token has changed since. Look the result up instead " +
                "(for a member: reissue their token)."))
            : new StoredResponse(earlier.Status, earlier.Location, body, replayed: true);
    }

    private string Serialize(object body) => JsonSerializer.Serialize(body, body.GetType(),
        json.Value.SerializerOptions);

    /// <summary>Method, path and the bound request re-serialised: whitespace and field order do not matter.</summary>
    public static string Hash(HttpContext http, string requestJson) =>
        ResponseSeal.Hash($"{http.Request.Method} {http.Request.Path}\n{requestJson}");

    /// <summary>
    /// A response nobody keeps is serialised straight onto the wire, never held whole as a string (a proposal at
    /// 100,000 members is tens of MB of JSON).
    /// </summary>
    private sealed class FreshResponse(Outcome outcome, JsonSerializerOptions options) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = outcome.Status;
            if (outcome.Location is not null)
                context.Response.Headers.Location = outcome.Location;
            context.Response.ContentType = "application/json; charset=utf-8";
            return JsonSerializer.SerializeAsync(context.Response.Body, outcome.Body, outcome.Body.GetType(), options,
                context.RequestAborted);
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
