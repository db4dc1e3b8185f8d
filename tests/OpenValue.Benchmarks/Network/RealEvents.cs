using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Benchmarks.Network;

/// <summary>
/// The app's real events for a generated network: the network stream (founding, every admission, one value
/// equation a year) and each contribution's stream, built from the generator's facts the way the app's
/// decisions would have recorded them.
/// </summary>
public static class RealEvents
{
    public const string RejectionReason = "Evidence does not show the hours claimed.";

    /// <summary>Every event type a generated network holds.</summary>
    public static readonly Type[] Types =
    [
        typeof(NetworkFounded), typeof(MemberAdmitted), typeof(ValueEquationAdopted),
        typeof(ContributionSubmitted), typeof(ContributionReviewed), typeof(ContributionAccepted), typeof(ContributionRejected),
    ];

    /// <summary>When the network was founded and every member admitted: the day before the first claim.</summary>
    public static Instant FoundedAt => Generator.FirstDay.PlusDays(-1).AtMidnight().InUtc().ToInstant();

    /// <summary>Founding, the founder's admission with every role, the others' as contributors and reviewers, equations 1-3.</summary>
    public static object[] NetworkStream(Generator generator)
    {
        var networkId = generator.NetworkId;
        var founder = generator.MemberIds[0];
        var events = new List<object>
        {
            new NetworkFounded(networkId, "Wikihouse Makers", "EUR", founder, FoundedAt),
            new MemberAdmitted(networkId, founder, "Member 1", Enum.GetValues<Role>(), StakeholderClass.Founder, founder, FoundedAt),
        };
        events.AddRange(generator.MemberIds.Skip(1).Select((m, i) =>
            new MemberAdmitted(networkId, m, $"Member {i + 2}", [Role.Contributor, Role.Reviewer], StakeholderClass.Labour, founder, FoundedAt)));
        events.AddRange(Enumerable.Range(1, 3).Select(v => new ValueEquationAdopted(networkId, v,
            [.. Generator.Kinds.Select(k => new ValueRule(k.Kind, UnitOf(k.Unit), k.Rate, Multiplier(v)))],
            null, null, [], founder, Generator.FirstDay.PlusYears(v - 1).AtMidnight().InUtc().ToInstant())));
        return [.. events];
    }

    /// <summary>The claim, and when it was reviewed, the review and its acceptance (with points and valuation) or rejection.</summary>
    public static object[] Contribution(GeneratedContribution c)
    {
        var events = new List<object>(3)
        {
            new ContributionSubmitted(c.Id, c.MemberId, c.Kind, c.Quantity, c.Unit, c.OccurredOn, c.Description, c.EvidenceUrl, null, c.SubmittedAt),
        };
        if (c.Review is not { } review) return [.. events];
        events.Add(new ContributionReviewed(c.Id, review.ReviewerId, review.Approved ? Verdict.Approve : Verdict.Reject,
            review.Approved ? null : RejectionReason, 1, review.At));
        if (review.Approved)
        {
            var rate = Generator.Kinds.First(k => k.Kind == c.Kind).Rate;
            var valuation = new PointsValuation(c.Kind, c.Quantity, UnitOf(c.Unit), rate, Multiplier(review.EquationVersion),
                review.EquationVersion, false, review.Points);
            events.Add(new ContributionAccepted(c.Id, c.MemberId, null, c.Kind, c.Quantity, c.Unit, c.OccurredOn, 1,
                review.Points, review.EquationVersion, valuation, review.At));
        }
        else
            events.Add(new ContributionRejected(c.Id, RejectionReason, review.ReviewerId, review.At));
        return [.. events];
    }

    /// <summary>The instant an event records, which is when the app would have appended it.</summary>
    public static Instant At(object e) => e switch
    {
        ContributionSubmitted s => s.SubmittedAt,
        ContributionReviewed r => r.ReviewedAt,
        ContributionAccepted a => a.AcceptedAt,
        ContributionRejected r => r.RejectedAt,
        NetworkFounded f => f.FoundedAt,
        MemberAdmitted m => m.AdmittedAt,
        ValueEquationAdopted v => v.AdoptedAt,
        _ => throw new ArgumentException($"no instant known for {e.GetType().Name}", nameof(e)),
    };

    /// <summary>Each equation version multiplies the kind's rate by 1.1, 1.2, 1.3 (as the generator's points do).</summary>
    public static decimal Multiplier(int version) => 1 + version / 10m;

    public static ValueUnit UnitOf(string unit) => unit switch { "hour" => ValueUnit.Hour, "EUR" => ValueUnit.Money, _ => ValueUnit.Point };
}
