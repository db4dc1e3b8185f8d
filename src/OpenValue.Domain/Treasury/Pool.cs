using OpenValue.Domain.Budgeting;

namespace OpenValue.Domain.Treasury;

/// <summary>
/// A pool of income: the network's own, or one project's. It is the consistency boundary for money going
/// out: every reservation is decided on the pool's stream version, so two treasurers racing on the same
/// version cannot both take the same money. <see cref="IncomeMinor"/> is every income recorded,
/// <see cref="IncomeReversedMinor"/> what of it was reversed; <see cref="CommittedMinor"/> counts every
/// distribution not cancelled (proposed, approved or paid); reversed payouts come back as
/// <see cref="ReturnedMinor"/>, and reissued ones leave again as <see cref="RedrawnMinor"/>. A co-budgeting round
/// holds its whole amount while open (<see cref="RoundsHeldMinor"/>); at its closing what it paid to bucket owners
/// moves to <see cref="RoundsPaidMinor"/> and the rest is undistributed again.
/// </summary>
public sealed record Pool(
    Guid Id, Guid NetworkId, Guid? ProjectId, string Currency, long IncomeMinor, long CommittedMinor,
    long ReturnedMinor, long IncomeReversedMinor = 0, long RedrawnMinor = 0, long RoundsHeldMinor = 0,
    long RoundsPaidMinor = 0)
{
    /// <summary>
    /// The most income one pool may hold, in minor units (10^17: a hundred thousand single amounts at the largest
    /// a request may carry). Reversed income and commitments are bounded by it; returned and redrawn money grow
    /// by one payout for each reversal and reissue, which no treasurer repeats 10^17 / amount times.
    /// </summary>
    public const long MaxIncomeMinor = 100_000_000_000_000_000;

    /// <summary>Income that stands: recorded less reversed.</summary>
    public long NetIncomeMinor => IncomeMinor - IncomeReversedMinor;

    /// <summary>Undistributed income: what a new distribution may still take. Never negative.</summary>
    public long AvailableMinor =>
        NetIncomeMinor - CommittedMinor + ReturnedMinor - RedrawnMinor - RoundsHeldMinor - RoundsPaidMinor;

    /// <summary>A pool no event has touched yet.</summary>
    public static Pool Empty(Guid networkId, Guid? projectId, string currency) =>
        new(DerivedIds.Pool(networkId, projectId), networkId, projectId, currency, 0, 0, 0);

    public static Pool? Evolve(Pool? state, object @event) => @event switch
    {
        IncomeRecorded e => (state ?? Empty(e.NetworkId, e.ProjectId, e.Currency)).Plus(income: e.AmountMinor),
        DistributionReserved e => (state ?? Empty(e.NetworkId, e.ProjectId, e.Currency)).Plus(committed: e.AmountMinor),
        DistributionReleased e when state is not null => state.Plus(committed: -e.AmountMinor),
        PayoutReturned e when state is not null => state.Plus(returned: e.AmountMinor),
        IncomeReversed e when state is not null => state.Plus(incomeReversed: e.AmountMinor),
        PayoutRedrawn e when state is not null => state.Plus(redrawn: e.AmountMinor),
        RoundReserved e => (state ?? Empty(e.NetworkId, e.ProjectId, e.Currency)).Plus(roundsHeld: e.AmountMinor),
        RoundSettled e when state is not null =>
            state.Plus(roundsHeld: -(e.PaidMinor + e.ReturnedMinor), roundsPaid: e.PaidMinor),
        _ => state,
    };

    private Pool Plus(
        long income = 0, long committed = 0, long returned = 0, long incomeReversed = 0, long redrawn = 0,
        long roundsHeld = 0, long roundsPaid = 0) => this with
    {
        IncomeMinor = checked(IncomeMinor + income),
        CommittedMinor = checked(CommittedMinor + committed),
        ReturnedMinor = checked(ReturnedMinor + returned),
        IncomeReversedMinor = checked(IncomeReversedMinor + incomeReversed),
        RedrawnMinor = checked(RedrawnMinor + redrawn),
        RoundsHeldMinor = checked(RoundsHeldMinor + roundsHeld),
        RoundsPaidMinor = checked(RoundsPaidMinor + roundsPaid),
    };
}
