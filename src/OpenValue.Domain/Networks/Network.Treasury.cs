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

/// <summary>A steward changed the four-eyes rule for distributions proposed from now on.</summary>
public sealed record TreasuryPolicySet(Guid NetworkId, FourEyes FourEyes, Guid SetBy, Instant SetAt);

public sealed record SetTreasuryPolicy(string? FourEyes, Guid SetBy);

public sealed partial record Network
{
    public FourEyes FourEyes { get; init; } = FourEyes.WhenTwoTreasurers;

    /// <summary>Whether a distribution proposed now must wait for a second treasurer.</summary>
    public bool SecondApprovalRequired => FourEyes switch
    {
        FourEyes.Always => true,
        FourEyes.Never => false,
        _ => CountHolding(Role.Treasurer) >= 2,
    };

    private Network EvolveTreasury(object @event) => @event switch
    {
        TreasuryPolicySet e => this with { FourEyes = e.FourEyes },
        _ => this,
    };
}

public static class TreasuryPolicy
{
    /// <summary>Setting the rule already in force appends nothing, so a retried request is harmless.</summary>
    public static object[] Decide(SetTreasuryPolicy command, Network network, Instant now)
    {
        var fourEyes = Statuses.Parse<FourEyes>(command.FourEyes, "fourEyes");
        return fourEyes == network.FourEyes ? [] : [new TreasuryPolicySet(network.Id, fourEyes, command.SetBy, now)];
    }
}
