using NodaTime;

namespace OpenValue.Domain.Networks;

public sealed record AdmitMember(Guid MemberId, string? Name, IReadOnlyList<string?>? Roles, string? StakeholderClass,
    Guid AdmittedBy);

public sealed record ChangeRoles(Guid MemberId, IReadOnlyList<string?>? Grant, IReadOnlyList<string?>? Revoke,
    Guid ChangedBy);

/// <summary>
/// A new name (at once), or a new stakeholder class from a date; <c>BySteward</c>: the caller holds the steward role.
/// </summary>
public sealed record ChangeMember(
    Guid MemberId, string? Name, string? StakeholderClass, string? EffectiveOn, Guid ChangedBy, bool BySteward);

public static class Membership
{
    private static readonly string AllRoles = string.Join(", ", Enum.GetValues<Role>().Select(Wire.Name));

    /// <param name="existing">The member already holding <c>command.MemberId</c>, if any (never, for a fresh
    /// id).</param>
    public static object[] Decide(AdmitMember command, Network network, NetworkMember? existing, Instant now)
    {
        var name = Text.Required(command.Name, "name", Founding.MaxNameLength);
        var roles = Wire.ParseSet<Role>(command.Roles, "roles");
        if (roles.Count == 0)
            throw RuleViolation.Invalid("roles", $"A member needs at least one role; any of: {AllRoles}.");
        var stakeholderClass = Wire.Parse<StakeholderClass>(command.StakeholderClass, "stakeholderClass");
        if (existing is not null)
            throw RuleViolation.Conflict("member-exists", $"Member {command.MemberId} is already in this network.");
        return [new MemberAdmitted(network.Id, command.MemberId, name, [.. roles.Order()], stakeholderClass,
            command.AdmittedBy, now)];
    }

    /// <summary>
    /// Grants and revokes in one step. Granting a role already held or revoking one not held changes nothing,
    /// so a retried request is harmless. A network always keeps at least one steward.
    /// </summary>
    /// <param name="member">The member named by <c>command.MemberId</c>, or null when the network has no such
    /// member.</param>
    public static object[] Decide(ChangeRoles command, Network network, NetworkMember? member, Instant now)
    {
        var grant = Wire.ParseSet<Role>(command.Grant, "grant");
        var revoke = Wire.ParseSet<Role>(command.Revoke, "revoke");
        if (grant.Count == 0 && revoke.Count == 0)
            throw RuleViolation.Invalid("grant", "Name at least one role to grant or to revoke.");
        if (grant.Intersect(revoke).FirstOrDefault() is var both && grant.Overlaps(revoke))
            throw RuleViolation.Invalid("revoke", $"Role '{Wire.Name(both)}' cannot be granted and revoked at once.");

        if (member is null || member.Id != command.MemberId)
            throw RuleViolation.NotFound("member-not-found", $"Member {command.MemberId} is not in this network.");
        if (member.HasDeparted)
            throw Departed(member);
        var events = new List<object>();
        events.AddRange(grant.Where(r => !member.Holds(r)).Order()
            .Select(r => new MemberRoleGranted(network.Id, member.Id, r, command.ChangedBy, now)));
        events.AddRange(revoke.Where(member.Holds).Order()
            .Select(r => new MemberRoleRevoked(network.Id, member.Id, r, command.ChangedBy, now)));

        var stewardLeaves = revoke.Contains(Role.Steward) && member.Holds(Role.Steward);
        if (stewardLeaves && network.CountHolding(Role.Steward) == 1)
            throw RuleViolation.Conflict("last-steward",
                "A network must keep at least one steward: grant the role to someone else first.");
        if (member.Roles.Except(revoke).Union(grant).IsEmpty)
            throw RuleViolation.Invalid("revoke",
                "A member keeps at least one role: grant another before revoking the last.");
        return [.. events];
    }

    /// <summary>
    /// A steward renames anyone and moves anyone to another class from a date (not before their admission,
    /// not in the future); a member renames only themself. A body that changes nothing is refused.
    /// </summary>
    /// <param name="member">The member named by <c>command.MemberId</c>, or null when the network has no such
    /// member.</param>
    public static object[] Decide(ChangeMember command, Network network, NetworkMember? member, Instant now)
    {
        if (command.Name is null && command.StakeholderClass is null && command.EffectiveOn is null)
            throw RuleViolation.Invalid("name", "Send a new 'name', or a new 'stakeholderClass' with 'effectiveOn'.");
        var name = command.Name is null ? null : Text.Required(command.Name, "name", Founding.MaxNameLength);
        var stakeholderClass = command.StakeholderClass is null
            ? (StakeholderClass?)null
            : Wire.Parse<StakeholderClass>(command.StakeholderClass, "stakeholderClass");
        if (stakeholderClass is not null && command.EffectiveOn is null)
            throw RuleViolation.Invalid("effectiveOn", "A class change needs 'effectiveOn', the date it takes effect.");
        if (stakeholderClass is null && command.EffectiveOn is not null)
            throw RuleViolation.Invalid("stakeholderClass",
                "'effectiveOn' dates a class change: send 'stakeholderClass' too.");
        var today = now.InUtc().Date;
        var effectiveOn = command.EffectiveOn is null
            ? (LocalDate?)null
            : Dates.Parse(command.EffectiveOn, "effectiveOn", today);

        if (member is null || member.Id != command.MemberId)
            throw RuleViolation.NotFound("member-not-found", $"Member {command.MemberId} is not in this network.");
        if (stakeholderClass is not null && !command.BySteward)
            throw RuleViolation.Forbidden("steward-only", "Only a steward changes a member's stakeholder class.");
        if (name is not null && !command.BySteward && command.ChangedBy != member.Id)
            throw RuleViolation.Forbidden("steward-or-self",
                "Only a steward or the member themself changes their name.");

        var events = new List<object>();
        if (name is not null && name != member.Name)
            events.Add(new MemberRenamed(network.Id, member.Id, name, command.ChangedBy, now));
        if (stakeholderClass is { } moved && effectiveOn is { } date)
        {
            var admittedOn = member.AdmittedAt.InUtc().Date;
            if (date < admittedOn)
                throw RuleViolation.Invalid("effectiveOn",
                    $"'effectiveOn' must not be before the member was admitted ({Dates.Format(admittedOn)}).");
            var history = member.ClassHistory;
            var changed = ClassHistory.With(history, new ClassPeriod(ClassHistory.StartOf(date), moved));
            if (!SameClasses(history, changed))
                events.Add(new MemberClassChanged(network.Id, member.Id, moved, date, command.ChangedBy, now));
        }
        return events.Count > 0
            ? [.. events]
            : throw RuleViolation.Invalid(name is not null ? "name" : "stakeholderClass",
                "This changes nothing: the member already has it.");
    }

    /// <summary>A departed member's roles no longer count, so they are not changed either.</summary>
    public static RuleViolation Departed(NetworkMember member) => RuleViolation.Conflict("member-departed",
        $"This member left the network on {Dates.Format(member.DepartedOn!.Value)}.");

    /// <summary>
    /// The same class at every moment (an admission at noon and a change from that midnight to the same class agree).
    /// </summary>
    private static bool SameClasses(IReadOnlyList<ClassPeriod> before, IReadOnlyList<ClassPeriod> after) =>
        before.Concat(after).Select(p => p.From).Append(Instant.MinValue)
            .All(at => ClassHistory.At(before, at) == ClassHistory.At(after, at));
}
