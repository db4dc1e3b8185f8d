using NodaTime;
using OpenValue.Domain.Budgeting;
using static OpenValue.Domain.Tests.Budgeting.RoundSetup;

namespace OpenValue.Domain.Tests.Budgeting;

public class OpeningTests
{
    [Fact]
    public void equal_budgets_give_the_cent_left_over_to_the_first_member_in_id_order()
    {
        // 10000 cents / 3 = 3333 rest 1 each; the one cent left goes to the smallest id (Ada a1 < Bob b2 < Cy c3).
        var opened = Opened();
        opened.Budgets.Select(b => (b.MemberId, b.AmountMinor)).Should().Equal((Ada, 3334L), (Bob, 3333L), (Cy, 3333L));
        opened.Budgets.Sum(b => b.AmountMinor).Should().Be(10_000);
    }

    [Fact]
    public void by_share_budgets_give_the_cent_left_over_to_the_largest_remainder()
    {
        // 101 cents by shares 0.5 / 0.25 / 0.25: 50.5, 25.25, 25.25 → floors 50 + 25 + 25 = 100; the one cent left
        // goes to the largest remainder, Ada's .5: 51, 25, 25.
        var shares = new Dictionary<Guid, decimal> { [Ada] = 0.5m, [Bob] = 0.25m, [Cy] = 0.25m };
        var opened = Opened(Open("1.01", "by-share"), shares);
        opened.Budgets.Select(b => b.AmountMinor).Should().Equal(51, 25, 25);
        opened.Budgets.Select(b => b.Weight).Should().Equal(0.5m, 0.25m, 0.25m);
        opened.Budget.Should().Be(BudgetRule.ByShare);
    }

    [Fact]
    public void by_share_budgets_in_thirds_give_the_cent_to_the_larger_share_not_the_smaller_id()
    {
        // 100 cents by 0.333…3, 0.333…3, 0.333…4 (28 decimals, summing to 1): 33.33…, 33.33…, 33.33…4
        // → floors 33 each = 99; Cy's remainder is the largest, so Cy gets 34 although Ada's id is smaller.
        var third = 0.3333333333333333333333333333m;
        var shares = new Dictionary<Guid, decimal> { [Ada] = third, [Bob] = third, [Cy] = 1 - 2 * third };
        Opened(Open("1.00", "by-share"), shares).Budgets.Select(b => b.AmountMinor).Should().Equal(33, 33, 34);
    }

    [Fact]
    public void members_without_a_share_get_no_budget_and_nobody_with_one_is_refused()
    {
        var shares = new Dictionary<Guid, decimal> { [Ada] = 1m, [Bob] = 0m };
        Opened(Open("10.00", "by-share"), shares).Budgets.Select(b => (b.MemberId,
            b.AmountMinor)).Should().Equal((Ada, 1000L));
        var request = Opening.Validate(Open("10.00", "by-share"), Net(), Now);
        var act = () => Opening.Decide(request, RoundId, PoolWith(100_000), Net(), new Dictionary<Guid,
            decimal> { [Bob] = 0 }, Ada, Now);
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("no-eligible-member");
    }

    [Fact]
    public void the_amount_is_reserved_in_the_pool_and_more_than_it_holds_is_refused()
    {
        var request = Opening.Validate(Open("100.00"), Net(), Now);
        var weights = new Dictionary<Guid, decimal> { [Ada] = 1 };
        var (reservation, opened) = Opening.Decide(request, RoundId, PoolWith(10_000), Net(), weights, Ada, Now);
        reservation.Should().Be(new RoundReserved(opened.PoolId, opened.NetworkId, null, RoundId, 10_000, "EUR", Ada,
            Now));
        var pool = OpenValue.Domain.Treasury.Pool.Evolve(PoolWith(10_000), reservation)!;
        pool.AvailableMinor.Should().Be(0);
        var again = () => Opening.Decide(request, RoundId, pool, Net(), weights, Ada, Now);
        again.Should().Throw<RuleViolation>().Which.Code.Should().Be("insufficient-funds");
        var tooMuch = () => Opening.Decide(request, RoundId, PoolWith(9_999), Net(), weights, Ada, Now);
        tooMuch.Should().Throw<RuleViolation>().Which.Kind.Should().Be(RefusalKind.Conflict);
    }

    [Theory]
    [InlineData(null, "100.00", "equal", "2026-12-03T10:00:00Z", null, "title")]
    [InlineData("Q2", "0.00", "equal", "2026-12-03T10:00:00Z", null, "amount.amount")]
    [InlineData("Q2", "1.001", "equal", "2026-12-03T10:00:00Z", null, "amount.amount")]
    [InlineData("Q2", "100.00", "lottery", "2026-12-03T10:00:00Z", null, "budget")]
    [InlineData("Q2", "100.00", "equal", null, null, "closesAt")]
    [InlineData("Q2", "100.00", "equal", "2026-11-26T09:00:00Z", null, "closesAt")]
    [InlineData("Q2", "100.00", "equal", "next week", null, "closesAt")]
    [InlineData("Q2", "100.00", "equal", "2028-01-01T00:00:00Z", null, "closesAt")]
    [InlineData("Q2", "100.00", "equal", "2026-12-03T10:00:00Z", "0", "capPerBucket.amount")]
    public void a_bad_opening_is_refused_naming_its_field(
        string? title, string amount, string budget, string? closesAt, string? cap, string field)
    {
        var command = new OpenRound(title, Eur(amount), null, budget, null, closesAt, cap is null ? null : Eur(cap),
            null, Ada);
        var act = () => Opening.Validate(command, Net(), Now);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void a_window_that_opens_later_keeps_its_start_and_the_cap_and_approval_are_recorded()
    {
        var opened = Opened(Open(cap: "10.00", approval: true, opensAt: "2026-11-27T00:00:00Z"));
        opened.OpensAt.Should().Be(Instant.FromUtc(2026, 11, 27, 0, 0));
        opened.ClosesAt.Should().Be(ClosesAt);
        opened.CapPerBucketMinor.Should().Be(1000);
        opened.BucketsNeedApproval.Should().BeTrue();
    }
}
