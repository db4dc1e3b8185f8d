namespace OpenValue.Domain.Treasury;

/// <summary>
/// A pool of income: the network's own, or one project's. It is the consistency boundary for money going
/// out: every reservation is decided on the pool's stream version, so two treasurers racing on the same
/// version cannot both take the same money. <see cref="CommittedMinor"/> counts every distribution not
/// cancelled (proposed, approved or paid); reversed payouts come back as <see cref="ReturnedMinor"/>.
/// </summary>
public sealed record Pool(Guid Id, Guid NetworkId, Guid? ProjectId, string Currency, long IncomeMinor, long CommittedMinor, long ReturnedMinor)
{
    /// <summary>
    /// The most income one pool may hold, in minor units (10^17: a hundred thousand single amounts at the largest
    /// a request may carry). Every other figure of the pool is bounded by its income, so none leaves a long.
    /// </summary>
    public const long MaxIncomeMinor = 100_000_000_000_000_000;

    /// <summary>Undistributed income: what a new distribution may still take. Never negative.</summary>
    public long AvailableMinor => IncomeMinor - CommittedMinor + ReturnedMinor;

    /// <summary>A pool no event has touched yet.</summary>
    public static Pool Empty(Guid networkId, Guid? projectId, string currency) =>
        new(DerivedIds.Pool(networkId, projectId), networkId, projectId, currency, 0, 0, 0);

    public static Pool? Evolve(Pool? state, object @event) => @event switch
    {
        IncomeRecorded e => (state ?? Empty(e.NetworkId, e.ProjectId, e.Currency)).Plus(income: e.AmountMinor),
        DistributionReserved e => (state ?? Empty(e.NetworkId, e.ProjectId, e.Currency)).Plus(committed: e.AmountMinor),
        DistributionReleased e when state is not null => state.Plus(committed: -e.AmountMinor),
        PayoutReturned e when state is not null => state.Plus(returned: e.AmountMinor),
        _ => state,
    };

    private Pool Plus(long income = 0, long committed = 0, long returned = 0) => this with
    {
        IncomeMinor = checked(IncomeMinor + income),
        CommittedMinor = checked(CommittedMinor + committed),
        ReturnedMinor = checked(ReturnedMinor + returned),
    };
}
