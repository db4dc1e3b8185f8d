using System.Collections.Immutable;

namespace OpenValue.Domain.Networks;

public sealed record NetworkMember(Guid Id, string Name, StakeholderClass StakeholderClass, ImmutableHashSet<Role> Roles)
{
    public bool Holds(Role role) => Roles.Contains(role);
}

/// <summary>
/// The network's write model: just what its decisions need. <see cref="Evolve"/> is a plain pure function,
/// so the domain needs no event-store conventions or code generation to be folded.
/// </summary>
public sealed partial record Network(Guid Id, string Name, string Currency, ImmutableDictionary<Guid, NetworkMember> Members)
{
    public static Network? Evolve(Network? state, object @event) => (state, @event) switch
    {
        (null, NetworkFounded e) => new Network(e.NetworkId, e.Name, e.Currency, ImmutableDictionary<Guid, NetworkMember>.Empty),
        (not null, MemberAdmitted e) => state with
        {
            Members = state.Members.SetItem(e.MemberId, new NetworkMember(e.MemberId, e.Name, e.StakeholderClass, [.. e.Roles])),
        },
        (not null, MemberRoleGranted e) => state.WithRoles(e.MemberId, roles => roles.Add(e.Role)),
        (not null, MemberRoleRevoked e) => state.WithRoles(e.MemberId, roles => roles.Remove(e.Role)),
        (not null, _) => state.EvolveProjectsAndPolicy(@event),
        _ => state,
    };

    public int CountHolding(Role role) => Members.Values.Count(m => m.Holds(role));

    public NetworkMember Member(Guid memberId) =>
        Members.TryGetValue(memberId, out var member)
            ? member
            : throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");

    private Network WithRoles(Guid memberId, Func<ImmutableHashSet<Role>, ImmutableHashSet<Role>> change)
    {
        var member = Members[memberId];
        return this with { Members = Members.SetItem(memberId, member with { Roles = change(member.Roles) }) };
    }
}
