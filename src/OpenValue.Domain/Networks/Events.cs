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

/// <summary>
/// How many approvals from reviewers other than the author accept a contribution. <c>ProposalId</c>: the passed
/// proposal that set it (null when a steward set it directly).
/// </summary>
public sealed record ReviewPolicySet(
    Guid NetworkId, int ApprovalsRequired, Guid SetBy, Instant SetAt, Guid? ProposalId = null);

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
/// The member left or was removed, from the start of <see cref="On"/> (UTC), under <see cref="Terms"/>: the
/// network's leaver terms then in force kept the points of <see cref="KeptKinds"/> (null: every kind); the
/// points of other kinds are forfeited by a <c>ContributionForfeited</c> on each such contribution's stream.
/// <see cref="Roles"/> are those they held, which stop counting (last steward, four eyes).
/// </summary>
public sealed record MemberDeparted(
    Guid NetworkId, Guid MemberId, LocalDate On, LeaverTerms Terms, IReadOnlyList<string>? KeptKinds,
    IReadOnlyList<Role> Roles, string Reason, Guid DepartedBy, Instant DepartedAt);

/// <summary>
/// The member's payout details: an IBAN (with an optional BIC) or an account reference, never both. The
/// fields hold what the app stores, sealed under the member's key (see docs/architecture.md, crypto-shredding).
/// </summary>
public sealed record MemberPayoutDetailsSet(
    Guid NetworkId, Guid MemberId, string? Iban, string? Bic, string? AccountReference, Guid SetBy, Instant SetAt);

/// <summary>
/// The member's personal data was erased: their key was destroyed in the same transaction, so every name, text
/// and payout detail sealed under it is unreadable from then on. Ids, amounts and points stay.
/// </summary>
public sealed record MemberErased(Guid NetworkId, Guid MemberId, Guid ErasedBy, Instant ErasedAt);

/// <summary>
/// The operator of the server issued a steward a fresh invitation link from its command line, to recover a
/// network whose stewards are all locked out. No member acted; the reason is the operator's.
/// </summary>
public sealed record MemberAccessRecovered(Guid NetworkId, Guid MemberId, string Reason, Instant RecoveredAt);
