using Marten;
using NodaTime;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The one shell of every write endpoint, so that none writes the transaction by hand. The endpoint's decision
/// loads what it decides on for writing (the module's <c>...Streams.Fetch...</c>, version-checked at the save),
/// runs the domain's pure decider with the request's one instant (<see cref="RequestTime"/>) and appends; the
/// shell saves once, in one transaction. A domain refusal thrown by the decision leaves the session unsaved and
/// becomes problem details in <see cref="ProblemsMiddleware"/>; a lost race on a stream version is 409 there.
/// </summary>
public static class Write
{
    /// <summary>
    /// A decision whose response is known before the save (a creation, a transition). On an
    /// <see cref="IdempotentAttribute"/> route with a key, the response is kept in the same transaction and a
    /// retry gets it again (<see cref="Idempotency"/>).
    /// </summary>
    public static Task<IResult> Idempotent(HttpContext http, IDocumentSession session,
        Func<Instant, Task<Outcome>> decide) =>
        http.RequestServices.GetRequiredService<Idempotency>().Run(http, session, () => decide(http.Now()));

    /// <summary>A decision that answers with what it decided on, built before the save.</summary>
    public static async Task<T> Run<T>(HttpContext http, IDocumentSession session, Func<Instant, Task<T>> decide)
    {
        var response = await decide(http.Now());
        await session.SaveChangesAsync(http.RequestAborted);
        return response;
    }

    /// <summary>A decision that answers with no body (204).</summary>
    public static async Task Run(HttpContext http, IDocumentSession session, Func<Instant, Task> decide)
    {
        await decide(http.Now());
        await session.SaveChangesAsync(http.RequestAborted);
    }

    /// <summary>A decision that answers with a read model, read after the save has projected it.</summary>
    public static async Task<T> Run<T>(HttpContext http, IDocumentSession session, Func<Instant, Task> decide,
        Func<Task<T>> respond)
    {
        await decide(http.Now());
        await session.SaveChangesAsync(http.RequestAborted);
        return await respond();
    }

    /// <summary>
    /// A decision whose response is read after the save from what the decision returned (the stream's state after
    /// its events, say) and the read models the save has projected.
    /// </summary>
    public static async Task<T> Run<TDecided, T>(HttpContext http, IDocumentSession session,
        Func<Instant, Task<TDecided>> decide, Func<TDecided, Task<T>> respond)
    {
        var decided = await decide(http.Now());
        await session.SaveChangesAsync(http.RequestAborted);
        return await respond(decided);
    }
}
