using System.Collections.Immutable;
using NodaTime;

namespace OpenValue.Domain.Networks;

public sealed record NetworkMember(Guid Id, string Name, StakeholderClass StakeholderClass,
    ImmutableHashSet<Role> Roles)
{
    public Instant AdmittedAt { get; init; }

    /// <summary>The class over time (<see cref="ClassHistory"/>); empty means their class never changed.</summary>
    public IReadOnlyList<ClassPeriod> Classes { get; init; } = [];

    /// <summary>Their personal data was erased (<see cref="MemberErased"/>).</summary>
    public bool Erased { get; init; }

    public IReadOnlyList<ClassPeriod> ClassHistory => Classes.Count > 0 ? Classes : [new(AdmittedAt, StakeholderClass)];

    public bool Holds(Role role) => Roles.Contains(role);

    /// <summary>The date they left from (<see cref="MemberDeparted"/>); null while they are a member.</summary>
    public LocalDate? DepartedOn { get; init; }

    public bool HasDeparted => DepartedOn is not null;
}

/// <summary>
/// The network's write model: just what its decisions need. <see cref="Evolve"/> is a plain pure function,
/// so the domain needs no event-store conventions or code generation to be folded. Members are not held
/// here (a network of ten thousand would make every decision load them all): the network keeps how many
/// members hold each role, which is what its rules ask (last steward, four eyes), and a decision about
/// one member takes that member as its own argument.
/// </summary>
public sealed partial record Network(Guid Id, string Name, string Currency)
{
    /// <summary>How many members hold each role.</summary>
    public ImmutableDictionary<Role, int> RoleHolders { get; init; } = ImmutableDictionary<Role, int>.Empty;

    public int MemberCount { get; init; }

    /// <summary>
    /// Who has left (a network's departures are few, unlike its members): their positions on open proposals no
    /// longer count.
    /// </summary>
    public ImmutableHashSet<Guid> Departed { get; init; } = ImmutableHashSet<Guid>.Empty;

    /// <summary>How many members have left; <see cref="MemberCount"/> still counts them (they stay listed).</summary>
    public int Departures => Departed.Count;

    /// <summary>How many class changes the network has recorded: shares kept between requests depend on it.</summary>
    public int ClassChanges { get; init; }

    public static Network? Evolve(Network? state, object @event) => (state, @event) switch
    {
        (null, NetworkFounded e) => new Network(e.NetworkId, e.Name, e.Currency),
        (not null, MemberAdmitted e) => state.WithHolders(e.Roles, +1) with { MemberCount = state.MemberCount + 1 },
        (not null, MemberRoleGranted e) => state.WithHolders([e.Role], +1),
        (not null, MemberRoleRevoked e) => state.WithHolders([e.Role], -1),
        (not null, MemberClassChanged) => state with { ClassChanges = state.ClassChanges + 1 },
        (not null, MemberDeparted e) =>
            state.WithHolders(e.Roles, -1) with { Departed = state.Departed.Add(e.MemberId) },
        (not null, _) => state.EvolveProjectsAndPolicy(@event),
        _ => state,
    };

    public int CountHolding(Role role) => RoleHolders.GetValueOrDefault(role);

    // Decisions only ever grant a role not held and revoke one held, so counting events counts holders.
    private Network WithHolders(IEnumerable<Role> roles, int change) =>
        this with { RoleHolders = roles.Aggregate(RoleHolders, (holders, role) => holders.SetItem(role,
            holders.GetValueOrDefault(role) + change)) };
}
