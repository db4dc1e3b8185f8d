using NodaTime;
using OpenValue.Domain.Budgeting;
using static OpenValue.Domain.Tests.Budgeting.RoundSetup;

namespace OpenValue.Domain.Tests.Budgeting;

/// <summary>Budgets 33.34 (Ada), 33.33 (Bob), 33.33 (Cy) of 100.00; buckets in cents.</summary>
public class FundingTests
{
    private static IEnumerable<object> Decide(Round round, FundBucket command, Instant? at = null) =>
        [Funding.Decide(command, round, at ?? Now)];

    [Fact]
    public void a_bucket_filled_exactly_to_its_maximum_takes_not_one_cent_more()
    {
        // max 30.00: Ada 20.00 + Bob 10.00 = 30.00, exactly the maximum; Cy's 0.01 would make 30.01.
        var spec = Spec(Bucket(Jig, Bob, 2000, 3000), Funded(Jig, Ada, 2000));
        spec.Then(r => Decide(r, Fund(Jig, Bob, "10.00")), Funded(Jig, Bob, 1000));
        spec.Given(Funded(Jig, Bob, 1000));
        spec.State.BucketOf(Jig)!.TotalMinor.Should().Be(3000);
        spec.ThenRefused(r => Decide(r, Fund(Jig, Cy, "0.01")), RefusalKind.Conflict, "beyond-max-goal");
    }

    [Fact]
    public void beyond_the_remaining_budget_is_refused_and_the_whole_budget_is_fine()
    {
        // Ada's budget is 33.34: 20.00 in the jig leaves 13.34; 13.35 more is one cent too many.
        var spec = Spec(Bucket(Jig, Bob, 100, 10_000), Bucket(Kiln, Cy, 100, 10_000), Funded(Jig, Ada, 2000));
        spec.State.RemainingOf(Ada).Should().Be(1334);
        spec.ThenRefused(r => Decide(r, Fund(Kiln, Ada, "13.35")), RefusalKind.Conflict, "beyond-budget");
        spec.Then(r => Decide(r, Fund(Kiln, Ada, "13.34")), Funded(Kiln, Ada, 1334));
    }

    [Fact]
    public void the_cap_per_member_per_bucket_counts_what_the_member_already_put_in()
    {
        var spec = new Spec<Round>(Round.Evolve).Given(Opened(Open(cap: "10.00")), Bucket(Jig, Bob, 100, 5000),
            Funded(Jig, Ada, 600));
        // 6.00 in the jig under a cap of 10.00: 4.00 more reaches it, 4.01 more passes it.
        spec.ThenRefused(r => Decide(r, Fund(Jig, Ada, "4.01")), RefusalKind.Conflict, "beyond-cap");
        spec.Then(r => Decide(r, Fund(Jig, Ada, "4.00")), Funded(Jig, Ada, 400));
        spec.Then(r => Decide(r, Fund(Jig, Bob, "10.00")), Funded(Jig, Bob, 1000));
    }

    [Fact]
    public void budget_can_be_taken_back_but_not_more_than_was_put_in()
    {
        var spec = Spec(Bucket(Jig, Bob, 100, 5000), Funded(Jig, Ada, 600));
        spec.Then(r => Decide(r, Fund(Jig, Ada, "-2.50")), Funded(Jig, Ada, -250));
        spec.ThenRefused(r => Decide(r, Fund(Jig, Ada, "-6.01")), RefusalKind.Conflict, "beyond-allocation");
        spec.ThenRefused(r => Decide(r, Fund(Jig, Bob, "-0.01")), RefusalKind.Conflict, "beyond-allocation");
        spec.Given(Funded(Jig, Ada, -600));
        spec.State.BucketOf(Jig)!.Funders.Should().BeEmpty("a funder at zero is no longer one");
        spec.State.RemainingOf(Ada).Should().Be(3334);
    }

    [Fact]
    public void outside_the_window_funding_is_refused()
    {
        var later = new Spec<Round>(Round.Evolve).Given(Opened(Open(opensAt: "2026-11-27T00:00:00Z")), Bucket(Jig,
            Bob, 100, 5000));
        later.ThenRefused(r => Decide(r, Fund(Jig, Ada, "1.00")), RefusalKind.Conflict, "window-not-open");
        later.Then(r => Decide(r, Fund(Jig, Ada, "1.00"), Instant.FromUtc(2026, 11, 27, 0, 0)),
            new BucketFunded(RoundId, Jig, 100, "EUR", Ada, Instant.FromUtc(2026, 11, 27, 0, 0)));
        var spec = Spec(Bucket(Jig, Bob, 100, 5000));
        spec.ThenRefused(r => Decide(r, Fund(Jig, Ada, "1.00"), ClosesAt), RefusalKind.Conflict, "window-ended");
    }

    [Fact]
    public void unapproved_cancelled_and_closed_buckets_take_nothing()
    {
        var approval = new Spec<Round>(Round.Evolve).Given(Opened(Open(approval: true)), Bucket(Jig, Bob, 100, 5000));
        approval.ThenRefused(r => Decide(r, Fund(Jig, Ada, "1.00")), RefusalKind.Conflict, "bucket-not-approved");
        approval.Given(new BucketApproved(RoundId, Jig, Ada, Now));
        approval.Then(r => Decide(r, Fund(Jig, Ada, "1.00")), Funded(Jig, Ada, 100));

        var spec = Spec(Bucket(Jig, Bob, 100, 5000), Bucket(Kiln, Cy, 100, 5000),
            new BucketCancelled(RoundId, Kiln, null, Cy, Now));
        spec.ThenRefused(r => Decide(r, Fund(Kiln, Ada, "1.00")), RefusalKind.Conflict, "bucket-cancelled");
        spec.Given(new RoundClosed(RoundId, [], 0, 10_000, "EUR", Ada, Now));
        spec.ThenRefused(r => Decide(r, Fund(Jig, Ada, "1.00")), RefusalKind.Conflict, "round-closed");
    }

    [Fact]
    public void a_member_without_a_budget_an_unknown_bucket_and_a_bad_amount_are_refused()
    {
        var spec = Spec(Bucket(Jig, Bob, 100, 5000));
        spec.ThenRefused(r => Decide(r, Fund(Jig, Guid.NewGuid(), "1.00")), RefusalKind.Forbidden, "no-budget");
        spec.ThenRefused(r => Decide(r, Fund(Kiln, Ada, "1.00")), RefusalKind.NotFound, "bucket-not-found");
        spec.ThenRefused(r => Decide(r, Fund(Jig, Ada, "0.00")), RefusalKind.Invalid, "invalid-amount-amount");
        spec.ThenRefused(r => Decide(r, Fund(Jig, Ada, "1.001")), RefusalKind.Invalid, "invalid-amount-amount");
        spec.ThenRefused(r => Decide(r, new FundBucket(Jig, new("1.00", "USD"), Ada)), RefusalKind.Invalid,
            "invalid-amount-currency");
        spec.ThenRefused(r => Decide(r, new FundBucket(Jig, null, Ada)), RefusalKind.Invalid, "invalid-amount");
    }
}
