using NodaTime;

namespace OpenValue.Domain.Networks;

// The network stream: who belongs to the network and what they may do. Stream id = network id.

public sealed record NetworkFounded(Guid NetworkId, string Name, string Currency, Guid FoundedBy, Instant FoundedAt);

public sealed record MemberAdmitted(
    Guid NetworkId, Guid MemberId, string Name, IReadOnlyList<Role> Roles, StakeholderClass StakeholderClass,
    Guid AdmittedBy, Instant AdmittedAt);

public sealed record MemberRoleGranted(Guid NetworkId, Guid MemberId, Role Role, Guid GrantedBy, Instant GrantedAt);

public sealed record MemberRoleRevoked(Guid NetworkId, Guid MemberId, Role Role, Guid RevokedBy, Instant RevokedAt);

public sealed record ProjectOpened(Guid NetworkId, Guid ProjectId, string Name, Guid OpenedBy, Instant OpenedAt);

/// <summary>How many approvals from reviewers other than the author accept a contribution.</summary>
public sealed record ReviewPolicySet(Guid NetworkId, int ApprovalsRequired, Guid SetBy, Instant SetAt);

/// <summary>The member's bearer token was replaced; every earlier token of theirs stopped working.</summary>
public sealed record MemberTokenReissued(Guid NetworkId, Guid MemberId, Guid ReissuedBy, Instant ReissuedAt);

/// <summary>
/// A steward issued the member a fresh invitation link (their earlier links stopped working): whoever opens
/// it takes over the membership. Recorded, never the link.
/// </summary>
public sealed record MemberInvitationIssued(Guid NetworkId, Guid MemberId, Guid IssuedBy, Instant IssuedAt);

/// <summary>The member's name changed, at once.</summary>
public sealed record MemberRenamed(Guid NetworkId, Guid MemberId, string Name, Guid RenamedBy, Instant RenamedAt);

/// <summary>
/// The member's stakeholder class changed from the start of <see cref="EffectiveOn"/> (UTC): shares as of a
/// moment from then on weigh them in the new class, shares as of an earlier moment in the class then in force.
/// </summary>
public sealed record MemberClassChanged(
    Guid NetworkId, Guid MemberId, StakeholderClass StakeholderClass, LocalDate EffectiveOn, Guid ChangedBy,
    Instant ChangedAt);

/// <summary>
/// The operator of the server issued a steward a fresh invitation link from its command line, to recover a
/// network whose stewards are all locked out. No member acted; the reason is the operator's.
/// </summary>
public sealed record MemberAccessRecovered(Guid NetworkId, Guid MemberId, string Reason, Instant RecoveredAt);
