using NodaTime;

namespace OpenValue.Domain.Networks;

/// <summary>An IBAN with an optional BIC, or an account reference; <c>SetBy</c> is the caller.</summary>
public sealed record SetPayoutDetails(Guid MemberId, string? Iban, string? Bic, string? AccountReference, Guid SetBy);

/// <summary>A steward erases a member's personal data.</summary>
public sealed record EraseMember(Guid MemberId, Guid ErasedBy);

/// <summary>
/// Where a member's money goes, and the erasure of what identifies them. Only the member sets their own
/// payout details (a treasurer reads them, the endpoint checks that); an erased member has none and gets none.
/// </summary>
public static class PayoutDetails
{
    public const int MaxAccountReferenceLength = 140;

    /// <param name="member">The member named by <c>command.MemberId</c>, or null when the network has no such
    /// member.</param>
    public static object[] Decide(SetPayoutDetails command, Network network, NetworkMember? member, Instant now)
    {
        var hasIban = command.Iban is not null;
        var hasReference = command.AccountReference is not null;
        if (hasIban && hasReference)
            throw RuleViolation.Invalid("accountReference",
                "Send either 'iban' (with an optional 'bic') or 'accountReference', not both.");
        if (!hasIban && !hasReference)
            throw RuleViolation.Invalid("iban", "Send 'iban' (with an optional 'bic') or 'accountReference'.");
        if (command.Bic is not null && !hasIban)
            throw RuleViolation.Invalid("bic", "A 'bic' goes with an 'iban'.");
        var iban = hasIban ? Iban.Parse(command.Iban, "iban") : null;
        var bic = command.Bic is null ? null : Bic.Parse(command.Bic, "bic");
        var reference = hasReference
            ? Text.Required(command.AccountReference, "accountReference", MaxAccountReferenceLength)
            : null;

        if (member is null || member.Id != command.MemberId)
            throw RuleViolation.NotFound("member-not-found", $"Member {command.MemberId} is not in this network.");
        if (command.SetBy != member.Id)
            throw RuleViolation.Forbidden("self-only", "Only the member themself sets their payout details.");
        if (member.Erased)
            throw Erased(member.Id);
        return [new MemberPayoutDetailsSet(network.Id, member.Id, iban, bic, reference, command.SetBy, now)];
    }

    /// <param name="member">The member named by <c>command.MemberId</c>, or null when the network has no such
    /// member.</param>
    public static object[] Decide(EraseMember command, Network network, NetworkMember? member, Instant now)
    {
        if (member is null || member.Id != command.MemberId)
            throw RuleViolation.NotFound("member-not-found", $"Member {command.MemberId} is not in this network.");
        if (member.Erased)
            throw RuleViolation.Conflict("already-erased", $"Member {member.Id}'s personal data is already erased.");
        return [new MemberErased(network.Id, member.Id, command.ErasedBy, now)];
    }

    /// <summary>The refusal for anything that would store new personal data of an erased member.</summary>
    public static RuleViolation Erased(Guid memberId) =>
        RuleViolation.Conflict("member-erased", $"Member {memberId}'s personal data was erased; nothing new is kept.");
}
