using System.Collections.Immutable;
using NodaTime;
using OpenValue.Domain.Governance;

namespace OpenValue.Domain.Tests.Governance;

/// <summary>Each decision type's rule on hand-counted positions, ties and edges included.</summary>
public class TallyTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 10, 0);
    private static readonly Guid[] Voters = [.. Enumerable.Range(1,
        8).Select(i => Guid.Parse($"0197a000-0000-7000-8000-00000000000{i}"))];

    /// <summary>A proposal with the first <paramref name="eligible"/> voters and these positions, in voter
    /// order.</summary>
    private static Proposal With(int eligible, params Position[] positions) =>
        new Proposal(Guid.NewGuid(), Guid.NewGuid(), "T", ProposalKind.Decision, new ChangeRequest(Text: "t"),
            DecisionType.Standard, Voters[..eligible], Now + Duration.FromDays(3), Voters[0], Now)
        {
            Positions = positions.Select((p, i) => (p, i)).ToImmutableDictionary(x => Voters[x.i],
                x => new StatedPosition(x.p, "why", Now)),
        };

    private static ProposalCounts Counts(int eligible, params Position[] positions) =>
        Tally.Count(With(eligible, positions), new HashSet<Guid>());

    private const Position A = Position.Agree, Ab = Position.Abstain, D = Position.Disagree, B = Position.Block;

    [Fact]
    public void Counting_counts_each_position_of_the_eligible_voters()
    {
        // 5 eligible; positions agree, agree, abstain, disagree: stated 4, not stated 1.
        Counts(5, A, A, Ab, D).Should().Be(new ProposalCounts(5, 4, 2, 1, 1, 0));
    }

    [Fact]
    public void A_departed_voter_is_no_longer_eligible_and_their_position_no_longer_counts()
    {
        var proposal = With(4, B, A, A);
        // Voter 1 (who blocked) departed: eligible 4 - 1 = 3, stated 2 (both agree), no block.
        var counts = Tally.Count(proposal, new HashSet<Guid> { Voters[0] });
        counts.Should().Be(new ProposalCounts(3, 2, 2, 0, 0, 0));
        Tally.Judge(DecisionType.Standard, counts).Passes.Should().BeTrue();
        Tally.Judge(DecisionType.Standard, Tally.Count(proposal, new HashSet<Guid>())).Passes.Should().BeFalse();
    }

    [Fact]
    public void A_position_of_someone_not_eligible_is_not_counted()
    {
        // Voter 3 (admitted after the proposal) is not among the 2 eligible: only voter 1's position counts.
        var proposal = With(2, A);
        proposal = proposal with { Positions = proposal.Positions.Add(Voters[2], new StatedPosition(B, "no", Now)) };
        Tally.Count(proposal, new HashSet<Guid>()).Should().Be(new ProposalCounts(2, 1, 1, 0, 0, 0));
    }

    [Theory]
    // Standard: passes with no block, whatever else.
    [InlineData(3, new[] { A, D, D }, true)]      // 0 blocks
    [InlineData(3, new Position[0], true)]        // nobody stated: 0 blocks
    [InlineData(3, new[] { A, A, B }, false)]     // 1 block
    public void Standard_passes_with_no_block(int eligible, Position[] positions, bool passes) =>
        Tally.Judge(DecisionType.Standard, Counts(eligible, positions)).Passes.Should().Be(passes);

    [Theory]
    // Significant: no block and 2 * agree > stated.
    [InlineData(5, new[] { A, A, D }, true)]          // 2*2 = 4 > 3
    [InlineData(5, new[] { A, A, D, D }, false)]      // tie: 2*2 = 4, not > 4
    [InlineData(5, new[] { A, A, Ab, Ab }, false)]    // abstentions are stated: 4 not > 4
    [InlineData(5, new[] { A, A, A, Ab }, true)]      // 6 > 4
    [InlineData(5, new[] { A, A, A, B }, false)]      // a block
    [InlineData(5, new Position[0], false)]           // 0 > 0 is false
    [InlineData(8, new[] { A }, true)]                // 2 > 1: only stated positions count
    public void Significant_needs_no_block_and_more_than_half_of_the_stated_positions_agreeing(
        int eligible, Position[] positions, bool passes) =>
        Tally.Judge(DecisionType.Significant, Counts(eligible, positions)).Passes.Should().Be(passes);

    [Theory]
    // Quorum: no block and 4 * (agree + abstain) >= 3 * eligible.
    [InlineData(4, new[] { A, A, Ab }, true)]          // 4*3 = 12 >= 12: exactly 75 %
    [InlineData(4, new[] { A, A, D, D }, false)]       // 4*2 = 8 < 12
    [InlineData(8, new[] { A, A, A, A, Ab }, false)]   // 4*5 = 20 < 24 (62.5 %)
    [InlineData(8, new[] { A, A, A, A, Ab, Ab }, true)] // 4*6 = 24 >= 24
    [InlineData(4, new[] { Ab, Ab, Ab }, true)]        // abstentions count toward the quorum: 12 >= 12
    [InlineData(4, new[] { A, A, A, B }, false)]       // a block
    [InlineData(5, new[] { A, A, A }, false)]          // 4*3 = 12 < 15: silence counts against
    public void Quorum_needs_no_block_and_three_quarters_of_all_eligible_voters_agreeing_or_abstaining(
        int eligible, Position[] positions, bool passes) =>
        Tally.Judge(DecisionType.Quorum, Counts(eligible, positions)).Passes.Should().Be(passes);

    [Theory]
    // Emergency: 4 * agree >= 3 * stated, blocks overridden.
    [InlineData(8, new[] { A, A, A, B }, true)]    // 4*3 = 12 >= 12: blocks do not stop it
    [InlineData(8, new[] { A, A, B }, false)]      // 4*2 = 8 < 9
    [InlineData(8, new[] { A, A, A, Ab }, true)]   // 12 >= 12
    [InlineData(8, new[] { A, A, Ab, Ab }, false)] // 8 < 12
    [InlineData(8, new Position[0], false)]        // nobody stated: nobody agreed
    [InlineData(8, new[] { A }, true)]             // 4 >= 3
    public void Emergency_needs_three_quarters_of_the_stated_positions_agreeing(
        int eligible, Position[] positions, bool passes) =>
        Tally.Judge(DecisionType.Emergency, Counts(eligible, positions)).Passes.Should().Be(passes);

    [Fact]
    public void The_reason_names_the_rule_and_the_numbers()
    {
        Tally.Judge(DecisionType.Significant, Counts(5, A, A, D, D)).Why.Should()
            .Be("Significant: needs more than half of the stated positions to agree (2 of 4 is not more than half).");
        Tally.Judge(DecisionType.Quorum, Counts(4, A, A, Ab)).Why.Should()
            .Be("Quorum: no block and at least 75 % of all 4 eligible voters agree or abstain (3 of 4).");
        Tally.Judge(DecisionType.Standard, Counts(3, A, B,
            B)).Why.Should().Be("Standard: fails with any block (2 blocks).");
        Tally.Judge(DecisionType.Emergency, Counts(8, A, A, A, B)).Why.Should()
            .Be("Emergency: at least 75 % of the stated positions agree (3 of 4); blocks do not stop it.");
    }

    [Fact]
    public void Everyone_has_stated_only_when_every_voter_who_counts_has()
    {
        Tally.EveryoneStated(Counts(3, A, A)).Should().BeFalse();
        Tally.EveryoneStated(Counts(3, A, A, D)).Should().BeTrue();
        Tally.EveryoneStated(new ProposalCounts(0, 0, 0, 0, 0, 0)).Should().BeFalse();
    }
}
