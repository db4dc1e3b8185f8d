using OpenValue.Domain.Budgeting;
using static OpenValue.Domain.Tests.Budgeting.RoundSetup;

namespace OpenValue.Domain.Tests.Budgeting;

public class BucketTests
{
    private static ProposeBucket Propose(string min = "20.00", string max = "30.00", string? title = "Router jig") =>
        new(title, "A jig for the frame", Eur(min), Eur(max), Bob);

    [Fact]
    public void a_member_proposes_a_bucket_open_at_once_or_waiting_for_approval()
    {
        Spec().Then(r => [Buckets.Decide(Propose(), Jig, r, Now)],
            new BucketProposed(RoundId, Jig, "Router jig", "A jig for the frame", 2000, 3000, "EUR", Bob, Now));
        var spec = Spec(Bucket(Jig, Bob, 2000, 3000));
        spec.State.BucketOf(Jig)!.Status.Should().Be(BucketStatus.Open);
        spec.State.BucketOf(Jig)!.Line.Should().Be(1);

        var approval = new Spec<Round>(Round.Evolve).Given(Opened(Open(approval: true)), Bucket(Jig, Bob, 2000, 3000));
        approval.State.BucketOf(Jig)!.Status.Should().Be(BucketStatus.Proposed);
        approval.Then(r => [Buckets.Decide(new ApproveBucket(Jig, Ada), r, Now)], new BucketApproved(RoundId, Jig,
            Ada, Now));
        approval.Given(new BucketApproved(RoundId, Jig, Ada, Now));
        approval.ThenRefused(r => [Buckets.Decide(new ApproveBucket(Jig, Ada), r, Now)], RefusalKind.Conflict,
            "already-approved");
        approval.ThenRefused(r => [Buckets.Decide(new ApproveBucket(Kiln, Ada), r, Now)], RefusalKind.NotFound,
            "bucket-not-found");
    }

    [Theory]
    [InlineData("20.00", "30.00", null, "title")]
    [InlineData("0.00", "30.00", "Jig", "minGoal.amount")]
    [InlineData("-1.00", "30.00", "Jig", "minGoal.amount")]
    [InlineData("30.00", "29.99", "Jig", "maxGoal.amount")]
    [InlineData("20.00", "100.01", "Jig", "maxGoal.amount")]
    public void a_bad_bucket_is_refused_naming_its_field(string min, string max, string? title, string field)
    {
        var act = () => Buckets.Decide(Propose(min, max, title), Jig, Spec().State, Now);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void no_bucket_is_proposed_once_the_window_ended_or_the_round_closed()
    {
        var spec = Spec();
        spec.ThenRefused(r => [Buckets.Decide(Propose(), Jig, r, ClosesAt)], RefusalKind.Conflict, "window-ended");
        spec.Given(new RoundClosed(RoundId, [], 0, 10_000, "EUR", Ada, Now));
        spec.ThenRefused(r => [Buckets.Decide(Propose(), Jig, r, Now)], RefusalKind.Conflict, "round-closed");
    }

    [Fact]
    public void the_owner_or_a_steward_cancels_and_the_funders_get_their_budget_back_with_the_history_kept()
    {
        var spec = Spec(Bucket(Jig, Bob, 2000, 3000), Funded(Jig, Ada, 2000), Funded(Jig, Cy, 500));
        spec.State.RemainingOf(Ada).Should().Be(1334); // 33.34 − 20.00
        spec.ThenRefused(r => Buckets.Decide(new CancelBucket(Jig, null, Cy, false), r, Now), RefusalKind.Forbidden,
            "not-bucket-owner");
        spec.Then(r => Buckets.Decide(new CancelBucket(Jig, "done elsewhere", Bob, false), r, Now),
            new BucketCancelled(RoundId, Jig, "done elsewhere", Bob, Now));
        spec.Then(r => Buckets.Decide(new CancelBucket(Jig, null, Cy, true), r, Now),
            new BucketCancelled(RoundId, Jig, null, Cy, Now));
        spec.Given(new BucketCancelled(RoundId, Jig, null, Bob, Now));
        spec.State.RemainingOf(Ada).Should().Be(3334, "the 20.00 in a cancelled bucket is Ada's to spend again");
        spec.State.RemainingOf(Cy).Should().Be(3333);
        spec.State.BucketOf(Jig)!.Funders.Should().Equal(new Funder(Ada, 2000), new Funder(Cy, 500));
        spec.State.BucketOf(Jig)!.TotalMinor.Should().Be(2500);
        spec.Then(r => Buckets.Decide(new CancelBucket(Jig, null, Bob, false), r, Now));
        spec.ThenRefused(r => [Buckets.Decide(new ApproveBucket(Jig, Ada), r, Now)], RefusalKind.Conflict,
            "bucket-cancelled");
    }

    [Fact]
    public void a_bucket_of_a_closed_round_is_not_cancelled()
    {
        var spec = Spec(Bucket(Jig, Bob, 2000, 3000), new RoundClosed(RoundId, [], 0, 10_000, "EUR", Ada, Now));
        spec.ThenRefused(r => Buckets.Decide(new CancelBucket(Jig, null, Bob, false), r, Now), RefusalKind.Conflict,
            "round-closed");
    }
}
