using OpenValue.Domain.Contributions;
using OpenValue.Domain.Valuation;
using static OpenValue.Domain.Tests.Contributions.Given;

namespace OpenValue.Domain.Tests.Contributions;

public class ReviewingTests
{
    private static ContributionAccepted Accepted(decimal quantity = 12.5m, int quorum = 1) =>
        new(Id, Bob, null, "work", quantity, "hour", new NodaTime.LocalDate(2026, 11, 20), quorum, null, null, null, Now);

    [Fact]
    public void An_approval_that_meets_the_quorum_accepts_with_what_valuation_needs()
    {
        Spec().Given(Submitted()).Then(c => Review(c, Cy), Reviewed(Cy, Verdict.Approve), Accepted());
    }

    [Fact]
    public void Below_the_quorum_an_approval_is_only_recorded()
    {
        Spec().Given(Submitted()).Then(c => Review(c, Cy, quorum: 2), Reviewed(Cy, Verdict.Approve));
    }

    [Fact]
    public void The_quorum_in_force_when_deciding_is_what_counts()
    {
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve));
        spec.Then(c => Review(c, Dee, quorum: 2), Reviewed(Dee, Verdict.Approve), Accepted(quorum: 2));
        spec.Then(c => Review(c, Dee, quorum: 3), Reviewed(Dee, Verdict.Approve));
    }

    [Fact]
    public void A_rejection_with_a_reason_is_final()
    {
        var spec = Spec().Given(Submitted());
        spec.Then(c => Review(c, Cy, "reject", " Not ours "),
            Reviewed(Cy, Verdict.Reject, reason: "Not ours"), new ContributionRejected(Id, "Not ours", Cy, Now));
        spec.Given(Reviewed(Cy, Verdict.Reject), new ContributionRejected(Id, "Because", Cy, Now)).State.Status.Should().Be(ContributionStatus.Rejected);
    }

    [Fact]
    public void Requesting_changes_moves_the_claim_to_changes_requested()
    {
        var spec = Spec().Given(Submitted());
        spec.Then(c => Review(c, Cy, "request-changes", "Photos"), Reviewed(Cy, Verdict.RequestChanges, reason: "Photos"));
        spec.Given(Reviewed(Cy, Verdict.RequestChanges)).State.Status.Should().Be(ContributionStatus.ChangesRequested);
    }

    [Theory]
    [InlineData("reject", null, "reason")]
    [InlineData("request-changes", "  ", "reason")]
    [InlineData("maybe", null, "verdict")]
    [InlineData(null, null, "verdict")]
    [InlineData("Approve", null, "verdict")]
    public void A_verdict_must_be_known_and_refusals_need_a_reason(string? verdict, string? reason, string field)
    {
        var act = () => Review(Spec().Given(Submitted()).State, Cy, verdict!, reason);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void No_one_reviews_their_own_claim()
    {
        Spec().Given(Submitted()).ThenRefused(c => Review(c, Bob), RefusalKind.Forbidden, "self-review");
    }

    [Fact]
    public void A_reviewer_judges_once_per_round_but_again_in_a_fresh_round()
    {
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve));
        spec.ThenRefused(c => Review(c, Cy, quorum: 2), RefusalKind.Conflict, "already-reviewed");
        spec.Given(Reviewed(Dee, Verdict.RequestChanges), Amended());
        spec.State.Round.Should().Be(2);
        spec.Then(c => Review(c, Cy, quorum: 2), Reviewed(Cy, Verdict.Approve, round: 2));
    }

    [Fact]
    public void Approvals_of_an_earlier_round_do_not_count_toward_the_quorum()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Reviewed(Dee, Verdict.RequestChanges), Amended())
            .Then(c => Review(c, Dee, quorum: 2), Reviewed(Dee, Verdict.Approve, round: 2));
    }

    [Fact]
    public void A_claim_awaiting_changes_is_not_reviewed_until_amended()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.RequestChanges))
            .ThenRefused(c => Review(c, Dee), RefusalKind.Conflict, "not-reviewable");
    }

    public static TheoryData<string> FinalStates => ["accepted", "rejected", "withdrawn"];

    public static object[] ToFinal(string state) => state switch
    {
        "accepted" => [Submitted(), Reviewed(Cy, Verdict.Approve), Accepted()],
        "rejected" => [Submitted(), Reviewed(Cy, Verdict.Reject), new ContributionRejected(Id, "Because", Cy, Now)],
        _ => [Submitted(), new ContributionWithdrawn(Id, Bob, Now)],
    };

    [Theory, MemberData(nameof(FinalStates))]
    public void A_final_claim_is_neither_reviewed_amended_nor_withdrawn(string state)
    {
        var spec = Spec().Given(ToFinal(state));
        spec.State.IsFinal.Should().BeTrue();
        Statuses.Name(spec.State.Status).Should().Be(state);
        spec.ThenRefused(c => Review(c, Dee), RefusalKind.Conflict, "not-reviewable");
        spec.ThenRefused(c => Amend(c, Work()), RefusalKind.Conflict, "not-amendable");
        spec.ThenRefused(c => Withdraw(c), RefusalKind.Conflict, "not-withdrawable");
    }
}

public class ValuingOnAcceptanceTests
{
    private static readonly ValueEquation HoursAt40 = ValueEquationBuilder.Build(
        new ValueEquationRequest("slicing-pie", new Dictionary<string, KindRuleRequest?> { ["work"] = new(null, "40", null) }), 3, Now);

    [Fact]
    public void The_accepting_approval_records_the_points_the_version_in_force_gives_with_their_inputs()
    {
        var valuation = new PointsValuation("work", 120m, ValueUnit.Hour, 40m, 2m, 3, false, 9600m);
        Spec().Given(Submitted(120m)).Then(c => Review(c, Cy, equation: HoursAt40), Reviewed(Cy, Verdict.Approve),
            new ContributionAccepted(Id, Bob, null, "work", 120m, "hour", new NodaTime.LocalDate(2026, 11, 20), 1, 9600m, 3, valuation, Now));
    }

    [Fact]
    public void A_claim_the_version_in_force_does_not_value_cannot_be_accepted_silently()
    {
        var equalMoney = ValueEquationBuilder.Build(new ValueEquationRequest("equal-money"), 2, Now);
        Spec().Given(Submitted()).ThenRefused(c => Review(c, Cy, equation: equalMoney), RefusalKind.Conflict, "kind-not-valued");
    }
}
