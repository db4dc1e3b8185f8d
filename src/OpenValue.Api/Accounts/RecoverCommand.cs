using JasperFx.CommandLine;
using Marten;
using NodaTime;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Accounts;

public sealed class RecoverInput : NetCoreInput
{
    [Description("The network to recover (its id)")]
    public string NetworkFlag { get; set; } = "";

    [Description("The steward (their member id) who gets the fresh invitation link")]
    public string MemberFlag { get; set; } = "";

    [Description("Why: recorded on the network and shown to every member")]
    public string ReasonFlag { get; set; } = "";

    [Description("The address the app is reached at, which the link starts with (default: OPENVALUE_PUBLIC_URL " +
        "if set, else http://127.0.0.1:5080)")]
    public string UrlFlag { get; set; } = "";
}

/// <summary>
/// <c>dotnet OpenValue.Api.dll recover --network ID --member ID --reason TEXT</c> (<c>./openvalue.sh recover</c>):
/// for a network whose stewards are all locked out, a fresh invitation link for one steward, printed once to
/// the terminal and recorded on the network (<see cref="MemberAccessRecovered"/>). Whoever can run this already
/// holds the database; the record makes the act visible to every member.
/// </summary>
[Description("Issue a locked-out steward a fresh invitation link (printed once) and record it", Name = "recover")]
public sealed class RecoverCommand : JasperFxAsyncCommand<RecoverInput>
{
    public override async Task<bool> Execute(RecoverInput input)
    {
        if (!Guid.TryParse(input.NetworkFlag, out var network) || !Guid.TryParse(input.MemberFlag, out var member))
        {
            Console.Error.WriteLine("recover: --network and --member must be ids (UUIDs).");
            return false;
        }
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var clock = host.Services.GetRequiredService<IClock>();
        try
        {
            var url = input.UrlFlag is { Length: > 0 } given ? given
                : Infrastructure.PublicAddress.Configured(host.Services.GetRequiredService<IConfiguration>())
                  ?? "http://127.0.0.1:5080";
            var link = await Recovery.Recover(store, clock, network, member, input.ReasonFlag, url);
            Console.WriteLine($"recover: a fresh invitation link for steward {member} (valid 7 days, shown once):");
            Console.WriteLine(link);
            return true;
        }
        catch (RuleViolation refused)
        {
            Console.Error.WriteLine($"recover: {refused.Message}");
            return false;
        }
    }
}

public static class Recovery
{
    /// <summary>
    /// The link, after storing its invitation (earlier unused links of the member stop working) and the fact in
    /// one transaction. Refused for a network or member that does not exist, a member who is not a steward, or
    /// an empty reason.
    /// </summary>
    public static async Task<string> Recover(
        IDocumentStore store, IClock clock, Guid networkId, Guid memberId, string? reason, string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw RuleViolation.Invalid("reason", "Say why (--reason): it is recorded and shown to every member.");
        await using var session = store.LightweightSession(networkId.ToString());
        if (await session.Events.FetchStreamStateAsync(networkId) is null)
            throw RuleViolation.NotFound("network-not-found", $"No network {networkId} in this database.");
        var view = await session.LoadAsync<MemberView>(memberId)
            ?? throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in network {networkId}.");
        if (!view.Roles.Contains(Role.Steward))
            throw RuleViolation.Invalid("member",
                $"Member {memberId} is not a steward; recovery gives a steward back their access.");
        var now = clock.GetCurrentInstant();
        var link = Invitations.Issue(session, baseUrl, networkId, memberId, now);
        session.Events.Append(networkId, new MemberAccessRecovered(networkId, memberId, reason.Trim(), now));
        await session.SaveChangesAsync();
        return link;
    }
}
