using NodaTime;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Tests.Contributions;
using OpenValue.Domain.Treasury;

namespace OpenValue.Domain.Tests.Budgeting;

/// <summary>A round of 100.00 EUR among Ada, Bob and Cy (in that member-id order), open from Now for a week.</summary>
internal static class RoundSetup
{
    public static readonly Instant Now = Given.Now;
    public static readonly Instant ClosesAt = Now + Duration.FromDays(7);
    public static readonly Guid RoundId = Guid.Parse("0197a000-0000-7000-8000-00000000e001");
    public static readonly Guid Ada = Given.Ada, Bob = Given.Bob, Cy = Given.Cy;
    public static readonly Guid Jig = Guid.Parse("0197a000-0000-7000-8000-00000000b001");
    public static readonly Guid Kiln = Guid.Parse("0197a000-0000-7000-8000-00000000b002");
    public static readonly Guid Mural = Guid.Parse("0197a000-0000-7000-8000-00000000b003");

    public static Network Net() =>
        new object[] { new NetworkFounded(Given.NetworkId, "Makers", "EUR", Ada, Now) }
            .Aggregate((Network?)null, Network.Evolve)!;

    public static Pool PoolWith(long incomeMinor) =>
        Pool.Evolve(null, new IncomeRecorded(DerivedIds.Pool(Given.NetworkId, null), Given.NetworkId, null,
            Guid.NewGuid(),
            incomeMinor, "EUR", IncomeSource.Sale, Given.Today, null, Ada, Now))!;

    public static MoneyInput Eur(string amount) => new(amount, "EUR");

    public static OpenRound Open(string amount = "100.00", string budget = "equal", string? cap = null,
        bool approval = false, string? closesAt = "2026-12-03T10:00:00Z", string? opensAt = null) =>
        new("Q2 surplus", Eur(amount), null, budget, opensAt, closesAt, cap is null ? null : Eur(cap), approval, Ada);

    /// <summary>The opening event of a round decided from <paramref name="command"/> over equal weights.</summary>
    public static RoundOpened Opened(OpenRound? command = null, IReadOnlyDictionary<Guid, decimal>? weights = null)
    {
        var request = Opening.Validate(command ?? Open(), Net(), Now);
        weights ??= new Dictionary<Guid, decimal> { [Ada] = 1, [Bob] = 1, [Cy] = 1 };
        return Opening.Decide(request, RoundId, PoolWith(100_000), Net(), weights, Ada, Now).Opened;
    }

    public static BucketProposed Bucket(Guid id, Guid owner, long minMinor, long maxMinor) =>
        new(RoundId, id, "Bucket " + id.ToString()[^1], null, minMinor, maxMinor, "EUR", owner, Now);

    public static BucketFunded Funded(Guid bucket, Guid member, long amountMinor) =>
        new(RoundId, bucket, amountMinor, "EUR", member, Now);

    public static FundBucket Fund(Guid bucket, Guid member, string amount) => new(bucket, Eur(amount), member);

    public static Spec<Round> Spec(params object[] events) =>
        new Spec<Round>(Round.Evolve).Given([Opened(), .. events]);
}
