using NodaTime;
using OpenValue.Domain.Governance;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests.Governance;

/// <summary>Making a proposal, stating positions, withdrawing, closing, and what a passed proposal appends.</summary>
public class ProposingTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid ProposalId = Guid.Parse("0197a000-0000-7000-8000-0000000000e1");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid Cy = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");
    private static readonly Guid Late = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");
    private static readonly Guid[] Members = [Ada, Bob, Cy];

    private static Network Makers() => new object[]
    {
        new NetworkFounded(NetworkId, "Makers", "EUR", Ada, Now),
        new MemberAdmitted(NetworkId, Ada, "Ada", Enum.GetValues<Role>(), StakeholderClass.Founder, Ada, Now),
    }.Aggregate((Network?)null, Network.Evolve)!;

    private static string In(int days) => (Now + Duration.FromDays(days)).ToString();

    private static MakeProposal Make(string kind, ChangeRequest? change, string? type = null, int days = 5) =>
        new(ProposalId, "Rates for 2027", kind, change, type, In(days), Bob);

    private static readonly ChangeRequest Equation = new(Preset: "slicing-pie");

    private static Proposal Open(string kind, ChangeRequest change, int days = 5, Network? network = null) =>
        Proposal.Evolve(null, Proposing.Decide(Make(kind, change, days: days), network ?? Makers(), Members, Now))!;

    private static Proposal Stated(Proposal proposal, params (Guid Member, Position Position)[] positions) =>
        positions.Aggregate(proposal, (p, s) => Proposal.Evolve(p,
            new PositionStated(NetworkId, p.Id, s.Member, s.Position, "because", Now))!);

    [Fact]
    public void A_member_proposes_a_value_equation_and_the_members_now_are_its_voters()
    {
        var made = Proposing.Decide(Make("value-equation", Equation), Makers(), [Cy, Ada, Bob], Now);
        made.Should().Be(made with
        {
            Kind = ProposalKind.ValueEquation, DecisionType = DecisionType.Significant,
                ClosesAt = Now + Duration.FromDays(5),
        });
        made.EligibleVoters.Should().Equal(new[] { Cy, Ada, Bob }.Order());
        made.ProposedBy.Should().Be(Bob);
    }

    [Fact]
    public void A_value_equation_is_checked_when_proposed_exactly_as_adoption_checks_it()
    {
        var bad = new ChangeRequest(Preset: "slicing-pie", Rules: new Dictionary<string, KindRuleRequest?>
        {
            ["work"] = new(Rate: "0"),
        });
        var direct = () => ValueEquations.Decide(new AdoptValueEquation(
            new ValueEquationRequest("slicing-pie", bad.Rules), Ada), Makers(), Now);
        var proposed = () => Proposing.Decide(Make("value-equation", bad), Makers(), Members, Now);
        var code = direct.Should().Throw<RuleViolation>().Which.Code;
        var refusal = proposed.Should().Throw<RuleViolation>().Which;
        refusal.Code.Should().Be(code);
        refusal.Field.Should().Be("change.rules.work.rate");
    }

    [Theory]
    [InlineData("", "title", "invalid-title")]
    [InlineData("rates", "kind", "invalid-kind")]
    public void A_proposal_needs_a_title_and_a_known_kind(string title, string kind, string code)
    {
        var command = Make(kind == "kind" ? "rates" : "value-equation",
            Equation) with { Title = title == "" ? "" : "T" };
        var act = () => Proposing.Decide(command, Makers(), Members, Now);
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void A_change_holds_only_its_kinds_fields_and_must_change_something()
    {
        var foreign = () => Proposing.Decide(Make("review-policy", new ChangeRequest(ApprovalsRequired: 2, Text: "x"),
            type: "standard"), Makers(), Members, Now);
        foreign.Should().Throw<RuleViolation>().Which.Field.Should().Be("change.text");
        var same = () => Proposing.Decide(Make("review-policy", new ChangeRequest(ApprovalsRequired: 1)), Makers(),
            Members, Now);
        same.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-change");
        var missing = () => Proposing.Decide(Make("decision", null), Makers(), Members, Now);
        missing.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-change");
        var noText = () => Proposing.Decide(Make("decision", new ChangeRequest(Text: " ")), Makers(), Members, Now);
        noText.Should().Throw<RuleViolation>().Which.Field.Should().Be("change.text");
    }

    [Fact]
    public void The_decision_type_is_the_policys_and_another_is_refused()
    {
        var act = () => Proposing.Decide(Make("value-equation", Equation, type: "emergency"), Makers(), Members, Now);
        act.Should().Throw<RuleViolation>().Which.Should().Match<RuleViolation>(v =>
            v.Kind == RefusalKind.Conflict && v.Code == "decision-type-not-allowed");
        Proposing.Decide(Make("value-equation", Equation, type: "significant"), Makers(), Members, Now)
            .DecisionType.Should().Be(DecisionType.Significant);
    }

    [Theory]
    [InlineData("value-equation", 4, false)]  // significant: at least 5 days
    [InlineData("value-equation", 5, true)]
    [InlineData("decision", 2, false)]        // standard: at least 3 days
    [InlineData("decision", 3, true)]
    [InlineData("decision", 366, false)]      // within a year
    public void A_proposal_stays_open_at_least_its_types_minimum(string kind, int days, bool accepted)
    {
        var change = kind == "decision" ? new ChangeRequest(Text: "We meet on Mondays.") : Equation;
        var act = () => Proposing.Decide(Make(kind, change, days: days), Makers(), Members, Now);
        if (accepted) act.Should().NotThrow();
        else act.Should().Throw<RuleViolation>().Which.Field.Should().Be("closesAt");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("next week")]
    [InlineData("2026-12-01T09:00:00Z")] // in the past
    public void The_deadline_is_an_instant_in_the_future(string? closesAt)
    {
        var act = () => Proposing.Decide(Make("decision", new ChangeRequest(Text: "t")) with { ClosesAt = closesAt },
            Makers(), Members, Now);
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-closesAt");
    }

    [Fact]
    public void Block_and_disagree_need_a_reason_agree_and_abstain_do_not()
    {
        var proposal = Open("value-equation", Equation);
        foreach (var position in new[] { "block", "disagree" })
        {
            var act = () => Proposing.Decide(new StatePosition(Ada, position, " "), proposal, Makers(), Now);
            act.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-reason");
        }
        Proposing.Decide(new StatePosition(Ada, "abstain", null), proposal, Makers(), Now).ProposalEvents.Should()
            .Equal(new PositionStated(NetworkId, ProposalId, Ada, Position.Abstain, null, Now));
        var unknown = () => Proposing.Decide(new StatePosition(Ada, "maybe", null), proposal, Makers(), Now);
        unknown.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-position");
    }

    [Fact]
    public void A_member_admitted_after_the_proposal_has_no_vote()
    {
        var act = () => Proposing.Decide(new StatePosition(Late, "agree", null), Open("value-equation", Equation),
            Makers(), Now);
        act.Should().Throw<RuleViolation>().Which.Should().Match<RuleViolation>(v =>
            v.Kind == RefusalKind.Forbidden && v.Code == "not-eligible");
    }

    [Fact]
    public void A_member_changes_their_position_until_it_closes_and_the_same_position_again_changes_nothing()
    {
        var proposal = Stated(Open("value-equation", Equation), (Ada, Position.Disagree));
        proposal.Positions[Ada].Position.Should().Be(Position.Disagree);
        var changed = Proposing.Decide(new StatePosition(Ada, "agree", null), proposal, Makers(), Now);
        changed.ProposalEvents.Should().ContainSingle().Which.Should().BeOfType<PositionStated>();
        var again = Proposal.Evolve(proposal, changed.ProposalEvents[0])!;
        again.Positions[Ada].Position.Should().Be(Position.Agree);
        Proposing.Decide(new StatePosition(Ada, "agree", null), again, Makers(),
            Now).Should().Be(ProposalDecision.None);
    }

    [Fact]
    public void It_closes_early_when_every_voter_has_stated_and_a_passed_change_cites_the_proposal()
    {
        // Significant, 3 voters: agree, agree, then Cy disagrees: 2*2 = 4 > 3 stated, no block: passes at once.
        var proposal = Stated(Open("value-equation", Equation), (Ada, Position.Agree), (Bob, Position.Agree));
        var decision = Proposing.Decide(new StatePosition(Cy, "disagree", "too high"), proposal, Makers(), Now);
        decision.ProposalEvents.Should().HaveCount(2);
        decision.ProposalEvents[1].Should().Be(new ProposalPassed(NetworkId, ProposalId, new ProposalCounts(3, 3, 2,
            0, 1, 0),
            "Significant: no block and more than half of the stated positions agree (2 of 3).", true, Now));
        var adopted = decision.NetworkEvents.Should().ContainSingle().Which.Should().BeOfType<ValueEquationAdopted>()
            .Which;
        adopted.ProposalId.Should().Be(ProposalId);
        adopted.Version.Should().Be(1);
        adopted.AdoptedBy.Should().Be(Bob);
    }

    [Fact]
    public void An_early_close_that_fails_changes_nothing()
    {
        // Significant, 3 voters: agree, disagree, abstain: 2*1 = 2, not > 3: fails, no network event.
        var proposal = Stated(Open("value-equation", Equation), (Ada, Position.Agree), (Bob, Position.Disagree));
        var decision = Proposing.Decide(new StatePosition(Cy, "abstain", null), proposal, Makers(), Now);
        decision.ProposalEvents[1].Should().BeOfType<ProposalFailed>().Which.Counts.Should()
            .Be(new ProposalCounts(3, 3, 1, 1, 1, 0));
        decision.NetworkEvents.Should().BeEmpty();
    }

    [Fact]
    public void At_its_deadline_a_standard_proposal_with_a_block_fails_and_one_without_passes()
    {
        var policy = new ChangeRequest(ApprovalsRequired: 2);
        var blocked = Stated(Open("review-policy", policy, days: 3), (Ada, Position.Agree), (Cy, Position.Block));
        var at = Now + Duration.FromDays(3);
        Proposing.CloseAtDeadline(blocked, Makers(), at - Duration.FromSeconds(1)).Should().Be(ProposalDecision.None);
        var failed = Proposing.CloseAtDeadline(blocked, Makers(), at);
        failed.ProposalEvents.Should().Equal(new ProposalFailed(NetworkId, ProposalId,
            new ProposalCounts(3, 2, 1, 0, 0, 1), "Standard: fails with any block (1 block).", false, at));
        failed.NetworkEvents.Should().BeEmpty();

        // Only Ada agreed; 2 of 3 never stated: standard still passes (no block), and the policy is set.
        var quiet = Stated(Open("review-policy", policy, days: 3), (Ada, Position.Agree));
        var passed = Proposing.CloseAtDeadline(quiet, Makers(), at);
        passed.ProposalEvents.Single().Should().BeOfType<ProposalPassed>().Which.Early.Should().BeFalse();
        passed.NetworkEvents.Should().Equal(new ReviewPolicySet(NetworkId, 2, Bob, at, ProposalId));
        var closed = Proposal.Evolve(quiet, passed.ProposalEvents[0])!;
        Proposing.CloseAtDeadline(closed, Makers(), at + Duration.FromDays(1)).Should().Be(ProposalDecision.None);
    }

    [Fact]
    public void No_position_is_taken_after_the_deadline_or_once_closed()
    {
        var proposal = Open("decision", new ChangeRequest(Text: "We meet on Mondays."), days: 3);
        var late = () => Proposing.Decide(new StatePosition(Ada, "agree", null), proposal, Makers(),
            Now + Duration.FromDays(3));
        late.Should().Throw<RuleViolation>().Which.Code.Should().Be("proposal-closed");
        var withdrawn = Proposal.Evolve(proposal, Proposing.Decide(new WithdrawProposal(Bob, null), proposal,
            Makers(), Now))!;
        var closed = () => Proposing.Decide(new StatePosition(Ada, "agree", null), withdrawn, Makers(), Now);
        closed.Should().Throw<RuleViolation>().Which.Kind.Should().Be(RefusalKind.Conflict);
    }

    [Fact]
    public void Only_the_proposer_withdraws_and_only_while_open()
    {
        var proposal = Stated(Open("decision", new ChangeRequest(Text: "We meet on Mondays."), days: 3),
            (Ada, Position.Agree));
        var other = () => Proposing.Decide(new WithdrawProposal(Ada, null), proposal, Makers(), Now);
        other.Should().Throw<RuleViolation>().Which.Code.Should().Be("proposer-only");
        var withdrawn = Proposing.Decide(new WithdrawProposal(Bob, "Wrong month"), proposal, Makers(), Now);
        withdrawn.Should().Be(new ProposalWithdrawn(NetworkId, ProposalId, new ProposalCounts(3, 1, 1, 0, 0, 0),
            "Wrong month", Bob, Now));
        var again = () => Proposing.Decide(new WithdrawProposal(Bob, null), Proposal.Evolve(proposal, withdrawn)!,
            Makers(), Now);
        again.Should().Throw<RuleViolation>().Which.Code.Should().Be("proposal-closed");
    }

    [Fact]
    public void A_passed_treasury_and_governance_policy_proposal_sets_them_citing_it()
    {
        var treasury = Stated(Open("treasury-policy", new ChangeRequest(FourEyes: "always"), days: 3),
            (Ada, Position.Agree));
        Proposing.CloseAtDeadline(treasury, Makers(), Now + Duration.FromDays(3)).NetworkEvents.Single()
            .Should().BeOfType<TreasuryPolicySet>().Which.ProposalId.Should().Be(ProposalId);
        var governance = Stated(Open("governance-policy", new ChangeRequest(StewardsAdoptDirectly: false), days: 3),
            (Ada, Position.Agree));
        var set = Proposing.CloseAtDeadline(governance, Makers(), Now + Duration.FromDays(3)).NetworkEvents.Single()
            .Should().BeOfType<GovernancePolicySet>().Which;
        set.ProposalId.Should().Be(ProposalId);
        set.StewardsAdoptDirectly.Should().BeFalse();
    }
}
