using Marten;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Accounts;

public sealed record AccountNetworkResponse(
    Guid NetworkId, string Name, string Currency, Guid MemberId, string MemberName, IReadOnlyList<Role> Roles);

public sealed record AccountResponse(Guid AccountId, string Login, IReadOnlyList<AccountNetworkResponse> Networks);

public static class AccountResponses
{
    /// <summary>The account and, for each membership that still exists and was not left, its network and the
    /// member's roles now.</summary>
    public static async Task<AccountResponse> Of(Account account, IDocumentStore store, CancellationToken cancellation)
    {
        var networks = new List<AccountNetworkResponse>();
        foreach (var membership in account.Memberships)
        {
            await using var tenant = store.QuerySession(membership.NetworkId.ToString());
            var network = await tenant.LoadAsync<NetworkView>(membership.NetworkId, cancellation);
            var member = await tenant.LoadAsync<MemberView>(membership.MemberId, cancellation);
            // A membership the member has left leads nowhere any more: it is not offered.
            if (network is not null && member is not null && member.DepartedOn is null)
                networks.Add(new(network.Id, network.Name, network.Currency, member.Id,
                    (await Networks.Members.MemberResponse.Open(tenant, member, cancellation)).Name, member.Roles));
        }
        return new AccountResponse(account.Id, account.Login, [.. networks.OrderBy(n => n.Name,
            StringComparer.Ordinal)]);
    }
}
