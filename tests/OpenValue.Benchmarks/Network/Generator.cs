using NodaTime;

namespace OpenValue.Benchmarks.Network;

public sealed record GeneratedReview(Guid ReviewerId, bool Approved, int EquationVersion, decimal Points, Instant At);

/// <summary>The facts of one contribution claim, independent of how its events are shaped.</summary>
public sealed record GeneratedContribution(
    Guid Id, Guid MemberId, string Kind, decimal Quantity, string Unit, LocalDate OccurredOn,
    string Description, string EvidenceUrl, Instant SubmittedAt, GeneratedReview? Review);

/// <summary>
/// A seeded, deterministic network: the same seed and sizes always give the same ids, members and claims.
/// Contributions spread evenly over three years; a few members make most of them (as in real communities);
/// 85% are reviewed and 90% of those accepted under the value-equation version in force that year.
/// </summary>
public sealed class Generator(int seed, int members)
{
    public static readonly LocalDate FirstDay = new(2023, 11, 27);
    private const int Days = 3 * 365;

    public static readonly (string Kind, string Unit, int Weight, decimal Rate)[] Kinds =
    [
        ("work", "hour", 60, 50m), ("cash", "EUR", 8, 4m), ("expense", "EUR", 10, 2m), ("materials", "EUR", 8, 2m),
        ("equipment-use", "hour", 6, 10m), ("design", "item", 4, 400m), ("sales-relationship", "item", 2, 250m), ("care", "hour", 2, 40m),
    ];

    private static readonly string[] Subjects =
        ["router jig", "frame joint", "CNC toolpath", "grant report", "sensor board", "assembly manual", "supplier call", "wiki page"];

    private static readonly string[] Actions =
        ["Designed and tested the", "Reviewed and documented the", "Rebuilt and calibrated the", "Drafted the second version of the"];

    public Guid NetworkId { get; } = IdFrom(new Random(seed));

    public IReadOnlyList<Guid> MemberIds { get; } = MembersFrom(new Random(seed + 1), members);

    /// <summary>Generates claims lazily, so a million of them never sit in memory at once.</summary>
    public IEnumerable<GeneratedContribution> Contributions(int count)
    {
        var random = new Random(seed + 2);
        var totalWeight = Kinds.Sum(k => k.Weight);
        for (var i = 0; i < count; i++)
        {
            var day = FirstDay.PlusDays((int)((long)i * Days / count));
            // u³ skews towards index 0: the first members are the most active.
            var memberIndex = (int)(Math.Pow(random.NextDouble(), 3) * MemberIds.Count);
            var member = MemberIds[memberIndex];
            var kind = Pick(random.Next(totalWeight));
            var quantity = kind.Unit == "EUR" ? random.Next(500, 250_000) / 100m : kind.Unit == "hour" ? random.Next(1, 25) / 2m : 1m;
            var submittedAt = day.AtMidnight().InUtc().ToInstant() + Duration.FromMinutes(random.Next(6 * 60, 22 * 60));
            var description = $"{Actions[random.Next(Actions.Length)]} {Subjects[random.Next(Subjects.Length)]} for batch {random.Next(1000, 9999)}, see notes and photos";
            var evidence = $"https://wiki.example.org/evidence/{i:x8}/{random.Next():x8}";
            var review = random.Next(100) < 85 ? ReviewOf(random, memberIndex, day, quantity * kind.Rate, submittedAt) : null;
            yield return new GeneratedContribution(IdFrom(random), member, kind.Kind, quantity, kind.Unit, day, description, evidence, submittedAt, review);
        }
    }

    private GeneratedReview ReviewOf(Random random, int memberIndex, LocalDate day, decimal basePoints, Instant submittedAt)
    {
        // No one reviews their own contribution.
        var reviewerIndex = random.Next(MemberIds.Count);
        if (reviewerIndex == memberIndex) reviewerIndex = (reviewerIndex + 1) % MemberIds.Count;
        var reviewer = MemberIds[reviewerIndex];
        var version = 1 + Period.Between(FirstDay, day, PeriodUnits.Years).Years; // one new equation a year
        var approved = random.Next(100) < 90;
        return new GeneratedReview(reviewer, approved, version, approved ? basePoints * (1 + version / 10m) : 0m,
            submittedAt + Duration.FromHours(random.Next(1, 96)));
    }

    private static (string Kind, string Unit, int Weight, decimal Rate) Pick(int roll)
    {
        foreach (var kind in Kinds)
            if ((roll -= kind.Weight) < 0) return kind;
        return Kinds[^1];
    }

    private static Guid IdFrom(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static List<Guid> MembersFrom(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => IdFrom(random))];
}
