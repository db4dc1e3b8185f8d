using NodaTime;
using OpenValue.Domain.Contributions;

namespace OpenValue.Domain.Networks;

/// <summary>Slicing Pie's two ways of leaving. Wire names: "good-leaver", "bad-leaver".</summary>
public enum LeaverTerms
{
    GoodLeaver,
    BadLeaver,
}

/// <summary>
/// Which contribution kinds each kind of leaver keeps the points of; a null list keeps every kind. Slicing Pie's
/// defaults: a good leaver keeps everything, a bad leaver keeps what they put in as cash and expenses.
/// </summary>
public sealed record LeaverPolicy(IReadOnlyList<string>? GoodLeaverKeeps, IReadOnlyList<string>? BadLeaverKeeps)
{
    public const string AllKinds = "all";

    public static readonly LeaverPolicy SlicingPie = new(null, ["cash", "expense"]);

    public IReadOnlyList<string>? Keeps(LeaverTerms terms) =>
        terms == LeaverTerms.GoodLeaver ? GoodLeaverKeeps : BadLeaverKeeps;

    public static bool Kept(IReadOnlyList<string>? keptKinds, string kind) =>
        keptKinds is null || keptKinds.Contains(kind);

    /// <summary>A list as the API shows it: every kind is ["all"].</summary>
    public static IReadOnlyList<string> Wire(IReadOnlyList<string>? keptKinds) => keptKinds ?? [AllKinds];

    /// <summary>
    /// A list as sent: null keeps <paramref name="inForce"/>; "all" alone keeps every kind; otherwise kinds the
    /// catalogue knows, each once, in order.
    /// </summary>
    public static IReadOnlyList<string>? Parse(
        IReadOnlyList<string?>? sent, string field, IReadOnlyList<string>? inForce, KindCatalogue catalogue)
    {
        if (sent is null)
            return inForce;
        if (sent is [AllKinds])
            return null;
        var known = catalogue.Kinds.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < sent.Count; i++)
            if (sent[i] is not { } kind || !known.Contains(kind))
                throw RuleViolation.Invalid($"{field}[{i}]",
                    $"'{field}' lists kinds ({string.Join(", ", known.Order())}), " +
                    $"or is [\"{AllKinds}\"] alone; '{sent[i]}' is neither.");
        return [.. sent.Select(k => k!).Distinct().Order(StringComparer.Ordinal)];
    }
}

/// <summary>Leave (the member themself) or remove (a steward); <c>BySteward</c>: the caller holds the steward
/// role.</summary>
public sealed record DepartMember(Guid MemberId, string? On, string? Terms, string? Reason, Guid DepartedBy,
    bool BySteward);

public static class Leaving
{
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// The member leaves from the start of the date stated (not before their admission, not in the future) under
    /// the network's leaver terms for <c>Terms</c>: each accepted contribution of a kind those terms do not keep is
    /// forfeited from that date, or from its last change in points when that is later (so no moment ever counts
    /// less than nothing for it). A non-steward leaving on their own may only choose the bad-leaver terms: being a
    /// good leaver is the stewards' call. The last steward cannot leave.
    /// </summary>
    /// <param name="member">The member named by the command, or null when the network has no such member.</param>
    /// <param name="accepted">The member's accepted contributions, as their streams stand now.</param>
    public static object[] Decide(
        DepartMember command, Network network, NetworkMember? member, IReadOnlyList<Contribution> accepted, Instant now)
    {
        var on = Dates.Parse(command.On, "on", now.InUtc().Date);
        var terms = Statuses.Parse<LeaverTerms>(command.Terms, "terms");
        var reason = Text.Required(command.Reason, "reason", MaxReasonLength, multiline: true);
        if (member is null || member.Id != command.MemberId)
            throw RuleViolation.NotFound("member-not-found", $"Member {command.MemberId} is not in this network.");
        if (!command.BySteward && command.DepartedBy != member.Id)
            throw RuleViolation.Forbidden("steward-or-self",
                "Only a steward or the member themself records a departure.");
        if (!command.BySteward && terms == LeaverTerms.GoodLeaver)
            throw RuleViolation.Forbidden("steward-decides-terms",
                "Leaving on your own you may choose the bad-leaver terms; ask a steward to record a good leaver.");
        if (member.HasDeparted)
            throw RuleViolation.Conflict("already-departed",
                $"This member already left the network on {Dates.Format(member.DepartedOn!.Value)}.");
        var admittedOn = member.AdmittedAt.InUtc().Date;
        if (on < admittedOn)
            throw RuleViolation.Invalid("on",
                $"'on' must not be before the member was admitted ({Dates.Format(admittedOn)}).");
        if (member.Holds(Role.Steward) && network.CountHolding(Role.Steward) <= 1)
            throw RuleViolation.Conflict("last-steward",
                "A network must keep at least one steward: grant the role to someone else first.");

        var kept = network.Leavers.Keeps(terms);
        var from = ClassHistory.StartOf(on);
        var forfeited = accepted
            .Where(c => c.MemberId == member.Id && c.Status == ContributionStatus.Accepted && !c.Forfeited)
            .Where(c => c.Points is { } p && p != 0m && !LeaverPolicy.Kept(kept, c.Current.Kind))
            .OrderBy(c => c.Id)
            .Select(c => (object)new ContributionForfeited(c.Id, c.MemberId, c.Current.ProjectId, c.Current.Kind,
                c.AcceptedAt!.Value, c.Points!.Value, terms, Max(from, c.PointsChangedAt!.Value),
                command.DepartedBy, now));
        return
        [
            new MemberDeparted(network.Id, member.Id, on, terms, kept, [.. member.Roles.Order()], reason,
                command.DepartedBy, now),
            .. forfeited,
        ];
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
