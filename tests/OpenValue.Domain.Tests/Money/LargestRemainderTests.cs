namespace OpenValue.Domain.Tests.Money;

using OpenValue.Domain.Money;

public class LargestRemainderTests
{
    // In canonical string order A < B < C; Guid.CompareTo would order them differently (see the last test).
    private static readonly Guid A = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid B = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    private static readonly Guid C = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");

    private static Dictionary<Guid, decimal> Weights(decimal a, decimal b, decimal c) => new() { [A] = a, [B] = b, [C] = c };

    [Fact]
    public void One_cent_among_three_equal_members_goes_to_the_smallest_id() =>
        LargestRemainder.Split(1, Weights(1, 1, 1)).Should().Equal(new Dictionary<Guid, long> { [A] = 1, [B] = 0, [C] = 0 });

    [Fact]
    public void A_hundred_euros_among_three_is_33_34_and_33_33_twice() =>
        // 10000 / 3 = 3333 rest 1 each; one cent left over, all remainders equal: A takes it.
        LargestRemainder.Split(10000, Weights(7, 7, 7)).Should().Equal(new Dictionary<Guid, long> { [A] = 3334, [B] = 3333, [C] = 3333 });

    [Fact]
    public void The_largest_remainder_wins_before_the_tie_break()
    {
        // 100 × (1, 2, 4) / 7 = 14.28, 28.57, 57.14: floors 14 + 28 + 57 = 99, remainders 2/7, 4/7, 1/7: B gets the cent.
        LargestRemainder.Split(100, Weights(1, 2, 4)).Should().Equal(new Dictionary<Guid, long> { [A] = 14, [B] = 29, [C] = 57 });
    }

    [Fact]
    public void A_member_with_zero_weight_gets_nothing_even_with_units_left_over() =>
        // 101 / 2 = 50.5 each for A and C; C ties A on remainder but A is smaller; B has zero weight.
        LargestRemainder.Split(101, Weights(3, 0, 3)).Should().Equal(new Dictionary<Guid, long> { [A] = 51, [B] = 0, [C] = 50 });

    [Fact]
    public void A_single_member_takes_the_whole() =>
        LargestRemainder.Split(12345, new Dictionary<Guid, decimal> { [B] = 0.0001m }).Should().Equal(new Dictionary<Guid, long> { [B] = 12345 });

    [Fact]
    public void A_zero_amount_gives_zero_parts() =>
        LargestRemainder.Split(0, Weights(1, 2, 3)).Values.Should().AllBeEquivalentTo(0L);

    [Fact]
    public void Large_amounts_stay_exact()
    {
        // 10^12 × (1, 1, 1) / 3: 333333333333 rest 1 each, the one left over goes to A.
        LargestRemainder.Split(1_000_000_000_000, Weights(1, 1, 1))
            .Should().Equal(new Dictionary<Guid, long> { [A] = 333_333_333_334, [B] = 333_333_333_333, [C] = 333_333_333_333 });
        // Weights at the edge of decimal's precision and a near-maximal amount still sum exactly.
        var parts = LargestRemainder.Split(long.MaxValue, Weights(79228162514264337593543950335m, 0.0000000000000000000000000001m, 1m));
        parts.Values.Aggregate(0L, (s, p) => checked(s + p)).Should().Be(long.MaxValue);
    }

    [Fact]
    public void Fractional_weights_are_split_exactly()
    {
        // 1000 × (0.1, 0.2, 0.3) / 0.6 = 166.67, 333.33, 500: floors 166 + 333 + 500 = 999; A's remainder 2/3 beats B's 1/3.
        LargestRemainder.Split(1000, Weights(0.1m, 0.2m, 0.3m)).Should().Equal(new Dictionary<Guid, long> { [A] = 167, [B] = 333, [C] = 500 });
    }

    [Fact]
    public void An_empty_or_all_zero_weight_set_is_a_conflict()
    {
        var empty = () => LargestRemainder.Split(100, new Dictionary<Guid, decimal>());
        var zeros = () => LargestRemainder.Split(100, Weights(0, 0, 0));
        empty.Should().Throw<RuleViolation>().Which.Code.Should().Be("no-positive-weight");
        zeros.Should().Throw<RuleViolation>().Which.Kind.Should().Be(RefusalKind.Conflict);
    }

    [Fact]
    public void Negative_inputs_are_caller_bugs()
    {
        var negativeAmount = () => LargestRemainder.Split(-1, Weights(1, 1, 1));
        var negativeWeight = () => LargestRemainder.Split(1, Weights(1, -1, 1));
        negativeAmount.Should().Throw<ArgumentOutOfRangeException>();
        negativeWeight.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Ties_follow_the_canonical_string_order_not_guid_byte_order()
    {
        // Guid.CompareTo compares the first field as a number; in string order "0a..." < "1..." < "f...".
        var low = Guid.Parse("0a000000-0000-0000-0000-000000000000");
        var high = Guid.Parse("f0000000-0000-0000-0000-000000000000");
        var parts = LargestRemainder.Split(1, new Dictionary<Guid, decimal> { [high] = 1, [low] = 1 });
        parts[low].Should().Be(1);
        parts.Keys.Should().Equal(low, high);
    }
}
