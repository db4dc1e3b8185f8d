using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// A network with money in it (income, one distribution paid, a second proposed) and an attacker's access to its
/// database: the tests connect as OPENVALUE_DB's role (the throwaway cluster's superuser) and change rows
/// behind the app's back.
/// </summary>
public sealed record Ledgered(FoundedNetwork Network, Member Bob, Guid Paid, Guid Proposed)
{
    public Guid Pool => DerivedIds.Pool(Network.NetworkId, null);
    public string Tenant => Network.NetworkId.ToString();
}
