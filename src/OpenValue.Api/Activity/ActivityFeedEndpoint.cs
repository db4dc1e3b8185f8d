using Marten;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Activity;

public sealed record ActivityItem(
    long Sequence, Instant At, string Type, Guid? ActorId, string? ActorName, Guid? MemberId, string? MemberName,
    Guid? ContributionId, Guid? ProjectId, Guid? DistributionId, Guid? PayoutId, Guid? IncomeId, string Summary,
    ActivityClaim? Claim = null);

/// <summary>The claim an entry is about, as it reads now: whose it is and what it says.</summary>
public sealed record ActivityClaim(Guid AuthorId, string? AuthorName, string Description);

/// <summary>
/// A page of the feed, newest first. <c>NextBefore</c> is the cursor for the next (older) page, null on the
/// last page. Entries are keyed by event sequence, so a page never shifts when newer facts arrive.
/// </summary>
public sealed record ActivityPage(IReadOnlyList<ActivityItem> Items, int Limit, long? NextBefore);

public static class ActivityFeedEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>
    /// What happened in the network lately, for any member. Facts only some roles see elsewhere are shown to
    /// those roles only: single income records to treasurers, token reissues to stewards. Names are looked up
    /// when read; the stored entries hold ids only, so a rebuild never depends on the state of another view.
    /// </summary>
    [WolverineGet("/networks/{networkId}/activity")]
    [EndpointSummary("The activity feed")]
    [EndpointDescription("What happened in the network, newest first, one entry per fact, paged by sequence.")]
    public static async Task<ActivityPage> Get(string? before, string? limit, IQuerySession session, HttpContext http)
    {
        var cursor = Parse(before, "before", 1, long.MaxValue);
        var size = (int)(Parse(limit, "limit", 1, MaxLimit) ?? DefaultLimit);
        var audiences = http.Caller().Roles.Select(Wire.Name).ToArray();

        IQueryable<ActivityEntry> query = session.Query<ActivityEntry>()
            .Where(e => e.Audience == null || e.Audience.IsOneOf(audiences));
        if (cursor is { } below)
            query = query.Where(e => e.Id < below);
        var entries = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(http.RequestAborted);

        var page = entries.Take(size).ToList();
        var claims = await Claims(session, page, http.RequestAborted);
        var names = await Names(session, page, claims.Values.Select(c => c.MemberId), http.RequestAborted);
        // Sentences and claim descriptions may hold text sealed under a member's key: opened here, or "(erased)".
        var texts = await Privacy.Unsealed.For(session,
            page.Select(e => e.Summary).Concat(claims.Values.Select(c => c.Description)), http.RequestAborted);
        var items = page
            .Select(e => Item(e, names, texts,
                e.Subjects.ContributionId is { } c ? claims.GetValueOrDefault(c) : null))
            .ToList();
        return new ActivityPage(items, size, entries.Count > size ? page[^1].Id : null);
    }

    /// <summary>
    /// An entry as it reads now. An entry about a claim names it and its author ("Reviewed Bob's claim “Router
    /// jig”: approve."): the stored sentence, made from the event alone, says "the claim", and the claim's
    /// author and description are the claim's view at read time, as names are. The author is the member the
    /// entry is about when the fact itself names none (a review, a rejection).
    /// </summary>
    private static ActivityItem Item(
        ActivityEntry e, IReadOnlyDictionary<Guid, string> names, Privacy.Unsealed texts, ContributionView? claim)
    {
        var member = e.Subjects.MemberId ?? claim?.MemberId;
        var summary = texts.Within(e.Summary, ActivityFacts.Short);
        ActivityClaim? about = null;
        if (claim is not null)
        {
            about = new ActivityClaim(
                claim.MemberId, NameOf(names, claim.MemberId), ActivityFacts.Short(texts.Text(claim.Description)!));
            var whose = about.AuthorName is { } name ? $"{name}’s claim" : "the claim";
            var named = $"{whose} “{about.Description.TrimEnd('.', '…')}”";
            // A name keeps its own spelling, even at the start of a sentence ("de Vries", "erased member").
            summary = ReplaceFirst(ReplaceFirst(summary, "the claim", named), "The claim", named);
        }
        return new ActivityItem(e.Id, e.At, e.Type, e.ActorId, NameOf(names, e.ActorId), member, NameOf(names, member),
            e.Subjects.ContributionId, e.Subjects.ProjectId, e.Subjects.DistributionId, e.Subjects.PayoutId,
            e.Subjects.IncomeId, summary, about);
    }

    private static string ReplaceFirst(string text, string what, string with) =>
        text.IndexOf(what, StringComparison.Ordinal) is var at and >= 0
            ? text[..at] + with + text[(at + what.Length)..]
            : text;

    private static async Task<IReadOnlyDictionary<Guid, ContributionView>> Claims(
        IQuerySession session, List<ActivityEntry> page, CancellationToken cancellation)
    {
        var ids = page.Select(e => e.Subjects.ContributionId).OfType<Guid>().Distinct().ToArray();
        if (ids.Length == 0)
            return new Dictionary<Guid, ContributionView>();
        return (await session.LoadManyAsync<ContributionView>(cancellation, ids)).ToDictionary(v => v.Id);
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> Names(
        IQuerySession session, List<ActivityEntry> page, IEnumerable<Guid> authors, CancellationToken cancellation)
    {
        var ids = page.SelectMany(e => new[] { e.ActorId, e.Subjects.MemberId }).OfType<Guid>().Concat(authors)
            .Distinct().ToArray();
        if (ids.Length == 0)
            return new Dictionary<Guid, string>();
        var members = await session.LoadManyAsync<MemberView>(cancellation, ids);
        var names = await Privacy.Unsealed.For(session, members.Select(m => m.Name), cancellation);
        return members.ToDictionary(m => m.Id, m => names.Name(m.Name));
    }

    private static string? NameOf(IReadOnlyDictionary<Guid, string> names, Guid? id) =>
        id is { } known ? names.GetValueOrDefault(known) : null;

    private static long? Parse(string? text, string field, long min, long max)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return long.TryParse(text, System.Globalization.NumberStyles.None, null,
            out var value) && value >= min && value <= max
            ? value
            : throw RuleViolation.Invalid(field, $"'{field}' must be a whole number from {min} to {max}.");
    }
}
