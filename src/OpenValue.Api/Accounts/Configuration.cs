using Marten;
using Marten.Schema;

namespace OpenValue.Api.Accounts;

public static class Configuration
{
    /// <summary>Accounts, sessions and invitations: global documents (an account spans networks).</summary>
    public static void AddAccounts(this IServiceCollection services) => services.ConfigureMarten(options =>
    {
        // Optimistic concurrency: of sign-ins racing on one account only one saves; the others answer 409 whether
        // their password was right or wrong, so every guess that tells anything is counted towards the lockout.
        options.Schema.For<Account>().SingleTenanted().UniqueIndex(UniqueIndexType.Computed, a => a.Login)
            .UseOptimisticConcurrency(true);
        options.Schema.For<AccountSession>().SingleTenanted();
        // Optimistic concurrency: of two acceptances racing on one link, the second fails to save (409).
        options.Schema.For<Invitation>().SingleTenanted().UseOptimisticConcurrency(true);
    });
}
