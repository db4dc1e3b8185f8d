using NodaTime;
using OpenValue.Domain.Contributions;

namespace OpenValue.Domain.Networks;

/// <summary>
/// When a distribution needs a second treasurer's approval. Wire names: "when-two-treasurers" (the
/// default: required as soon as the network has two or more treasurers), "always", "never".
/// </summary>
public enum FourEyes
{
    WhenTwoTreasurers,
    Always,
    Never,
}

/// <summary>
/// A steward changed the four-eyes rule for distributions proposed from now on, and the cooling-off period
/// (<c>CoolingOffHours</c>; null in events stored before it existed: <see cref="TreasuryPolicy.DefaultCoolingOff"/>),
/// and the leaver terms (<c>Leavers</c>; null: <see cref="LeaverPolicy.SlicingPie"/>'s, as in events stored before
/// them). <c>ProposalId</c>: the passed proposal that set it (null when a steward set it directly).
/// </summary>
public sealed record TreasuryPolicySet(
    Guid NetworkId, FourEyes FourEyes, Guid SetBy, Instant SetAt, int? CoolingOffHours = null,
    LeaverPolicy? Leavers = null, Guid? ProposalId = null);

/// <summary>Any field may be left out (null): it keeps the value in force.</summary>
public sealed record SetTreasuryPolicy(
    string? FourEyes, int? CoolingOffHours, Guid SetBy, IReadOnlyList<string?>? GoodLeaverKeeps = null,
    IReadOnlyList<string?>? BadLeaverKeeps = null);

public sealed partial record Network
{
    public FourEyes FourEyes { get; init; } = FourEyes.WhenTwoTreasurers;

    /// <summary>
    /// How long before a proposal its proposer's vouching for the approver still counts against the approval
    /// (see <see cref="FourEyesCheck"/>).
    /// </summary>
    public Duration CoolingOff { get; init; } = TreasuryPolicy.DefaultCoolingOff;

    /// <summary>What a good and a bad leaver keep (<see cref="Leaving"/>).</summary>
    public LeaverPolicy Leavers { get; init; } = LeaverPolicy.SlicingPie;

    /// <summary>Whether a distribution proposed now must wait for a second treasurer.</summary>
    public bool SecondApprovalRequired => FourEyes switch
    {
        FourEyes.Always => true,
        FourEyes.Never => false,
        _ => CountHolding(Role.Treasurer) >= 2,
    };

    private Network EvolveTreasury(object @event) => @event switch
    {
        TreasuryPolicySet e => this with
        {
            FourEyes = e.FourEyes,
            CoolingOff = e.CoolingOffHours is { } hours ? Duration.FromHours(hours) : TreasuryPolicy.DefaultCoolingOff,
            Leavers = e.Leavers ?? LeaverPolicy.SlicingPie,
        },
        _ => this,
    };
}

public static class TreasuryPolicy
{
    /// <summary>
    /// Three days: long enough that a new treasurer's admission or grant sits in every member's activity feed
    /// before it can approve the granter's distribution, short enough that a new network whose founder admits
    /// a second treasurer can make its first four-eyes distribution that week.
    /// </summary>
    public static readonly Duration DefaultCoolingOff = Duration.FromHours(72);

    public const int MaxCoolingOffHours = 8760;

    /// <summary>Setting the rule already in force appends nothing, so a retried request is harmless.</summary>
    public static object[] Decide(SetTreasuryPolicy command, Network network, Instant now)
    {
        if (command is { FourEyes: null, CoolingOffHours: null, GoodLeaverKeeps: null, BadLeaverKeeps: null })
            throw RuleViolation.Invalid("fourEyes", "Name 'fourEyes', 'coolingOffHours', 'leaverTerms' or several.");
        var fourEyes = command.FourEyes is null
            ? network.FourEyes
            : Statuses.Parse<FourEyes>(command.FourEyes, "fourEyes");
        if (command.CoolingOffHours is not (null or (>= 0 and <= MaxCoolingOffHours)))
            throw RuleViolation.Invalid("coolingOffHours",
                $"'coolingOffHours' must be a whole number of hours from 0 to {MaxCoolingOffHours} " +
                $"(got {command.CoolingOffHours}).");
        var coolingOff = command.CoolingOffHours is { } hours ? Duration.FromHours(hours) : network.CoolingOff;
        var catalogue = KindCatalogue.Of(network);
        var leavers = new LeaverPolicy(
            LeaverPolicy.Parse(command.GoodLeaverKeeps, "leaverTerms.goodLeaverKeeps", network.Leavers.GoodLeaverKeeps,
                catalogue),
            LeaverPolicy.Parse(command.BadLeaverKeeps, "leaverTerms.badLeaverKeeps", network.Leavers.BadLeaverKeeps,
                catalogue));
        return fourEyes == network.FourEyes && coolingOff == network.CoolingOff && Same(leavers, network.Leavers)
            ? []
            : [new TreasuryPolicySet(network.Id, fourEyes, command.SetBy, now, (int)coolingOff.TotalHours,
                Same(leavers, LeaverPolicy.SlicingPie) ? null : leavers)];
    }

    private static bool Same(LeaverPolicy a, LeaverPolicy b) =>
        Same(a.GoodLeaverKeeps, b.GoodLeaverKeeps) && Same(a.BadLeaverKeeps, b.BadLeaverKeeps);

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
