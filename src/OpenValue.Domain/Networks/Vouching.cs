using NodaTime;

namespace OpenValue.Domain.Networks;

/// <summary>
/// What one member did that lets another act with money: admit them, make them treasurer or steward, or give them a new
/// token.
/// </summary>
public enum VouchingKind
{
    Admitted,
    GrantedTreasurer,
    GrantedSteward,
    ReissuedToken,
    IssuedInvitation,
}

/// <summary>
/// One act of <see cref="VouchingKind"/> by member <c>By</c> at <c>At</c>, kept on the member it was for.
/// </summary>
public sealed record Vouching(Guid By, VouchingKind Kind, Instant At);

/// <summary>
/// Four eyes must be two people as far as the ledger can tell. A steward who proposes a distribution could
/// otherwise admit a sock-puppet treasurer, or reissue a real treasurer's token and keep it, and approve as
/// them. So an approval is refused when the proposer admitted the approver, granted them the treasurer or
/// steward role, or reissued their token after the proposal or less than the cooling-off period before it
/// (with no cooling-off: only after it; the proposal's own instant is before).
/// Two people acting together are not detected: that is what the activity feed, shown to every member, is for.
/// </summary>
public static class FourEyesCheck
{
    /// <summary>The first act by <paramref name="proposer"/> that makes the approval not independent, if any.</summary>
    public static Vouching? Conflict(
        IEnumerable<Vouching> approverVouchings, Guid proposer, Instant proposedAt, Duration coolingOff) =>
        approverVouchings.Where(v => v.By == proposer && v.At > proposedAt - coolingOff)
            .OrderBy(v => v.At).FirstOrDefault();

    public static string Describe(VouchingKind kind) => kind switch
    {
        VouchingKind.Admitted => "admitted you",
        VouchingKind.GrantedTreasurer => "granted you the treasurer role",
        VouchingKind.GrantedSteward => "granted you the steward role",
        VouchingKind.IssuedInvitation => "issued you a fresh invitation",
        _ => "reissued your token",
    };
}
