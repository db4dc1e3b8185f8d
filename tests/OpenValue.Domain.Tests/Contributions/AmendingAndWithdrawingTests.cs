using OpenValue.Domain.Contributions;
using static OpenValue.Domain.Tests.Contributions.Given;

namespace OpenValue.Domain.Tests.Contributions;

public class AmendingAndWithdrawingTests
{
    [Fact]
    public void Before_any_review_the_author_amends_within_the_same_round()
    {
        var spec = Spec().Given(Submitted());
        spec.Then(c => Amend(c, Work("10")), Amended(10m));
        var amended = spec.Given(Amended(10m)).State;
        (amended.Status, amended.Round, amended.Current.Quantity, amended.Submitted.Quantity)
            .Should().Be((ContributionStatus.Submitted, 1, 10m, 12.5m));
    }

    [Fact]
    public void After_changes_were_requested_an_amendment_starts_a_fresh_round()
    {
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.RequestChanges));
        spec.Then(c => Amend(c, Work("10")), Amended(10m));
        var amended = spec.Given(Amended(10m)).State;
        (amended.Status, amended.Round, amended.ThisRound.Count()).Should().Be((ContributionStatus.Submitted, 2, 0));
    }

    [Fact]
    public void Once_review_has_begun_the_claim_cannot_be_amended()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve))
            .ThenRefused(c => Amend(c, Work("10")), RefusalKind.Conflict, "not-amendable");
    }

    [Fact]
    public void An_amendment_is_checked_like_a_submission()
    {
        var act = () => Amend(Spec().Given(Submitted()).State, Work("0"));
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be("quantity");
    }

    [Fact]
    public void Only_the_author_amends_or_withdraws()
    {
        var spec = Spec().Given(Submitted());
        spec.ThenRefused(c => Amend(c, Work(), by: Ada), RefusalKind.Forbidden, "not-author");
        spec.ThenRefused(c => Withdraw(c, by: Ada), RefusalKind.Forbidden, "not-author");
    }

    [Fact]
    public void The_author_withdraws_while_submitted_under_review_or_awaiting_changes()
    {
        var withdrawn = new ContributionWithdrawn(Id, Bob, Now);
        Spec().Given(Submitted()).Then(c => Withdraw(c), withdrawn);
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve)).Then(c => Withdraw(c), withdrawn);
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.RequestChanges));
        spec.Then(c => Withdraw(c), withdrawn);
        spec.Given(withdrawn).State.Status.Should().Be(ContributionStatus.Withdrawn);
    }
}
