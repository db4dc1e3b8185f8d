using NodaTime;
using OpenValue.Domain.Money;

namespace OpenValue.Domain.Networks;

public sealed record FoundNetwork(string? Name, string? Currency, string? FounderName);

public static class Founding
{
    public const int MaxNameLength = 200;

    /// <summary>The founder joins as a member of class founder holding every role.</summary>
    public static object[] Decide(FoundNetwork command, Guid networkId, Guid founderId, Instant now)
    {
        var name = Text.Required(command.Name, "name", MaxNameLength);
        var currency = Currency.Parse(command.Currency, "currency");
        var founderName = Text.Required(command.FounderName, "founder.name", MaxNameLength);
        return
        [
            new NetworkFounded(networkId, name, currency.Code, founderId, now),
            new MemberAdmitted(networkId, founderId, founderName, Enum.GetValues<Role>(), StakeholderClass.Founder, founderId, now),
        ];
    }
}
