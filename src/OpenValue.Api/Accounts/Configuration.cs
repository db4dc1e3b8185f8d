using Marten;
using Marten.Schema;

namespace OpenValue.Api.Accounts;

public static class Configuration
{
    /// <summary>Accounts, sessions and invitations: global documents (an account spans networks).</summary>
    public static void AddAccounts(this IServiceCollection services) => services.ConfigureMarten(options =>
    {
        options.Schema.For<Account>().SingleTenanted().UniqueIndex(UniqueIndexType.Computed, a => a.Login);
        options.Schema.For<AccountSession>().SingleTenanted();
        // Optimistic concurrency: of two acceptances racing on one link, the second fails to save (409).
        options.Schema.For<Invitation>().SingleTenanted().UseOptimisticConcurrency(true);
    });
}
