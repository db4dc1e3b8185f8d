using NodaTime;

namespace OpenValue.Benchmarks.Network;

// Stand-ins for the contribution events that are being built on another branch, with the fields DESIGN.md
// gives them, so the benchmarks append and project events of realistic size and shape today. When the real
// events land, delete these records and change ContributionEvents.For (one method) to build the real ones.

public sealed record ContributionSubmitted(
    Guid ContributionId, Guid MemberId, string Kind, decimal Quantity, string Unit, LocalDate OccurredOn,
    string Description, string EvidenceUrl, Guid SubmittedBy, Instant SubmittedAt);

public sealed record ContributionReviewed(Guid ContributionId, Guid ReviewerId, string Verdict, string? Reason, Instant ReviewedAt);

// Carries the contributor so a per-member projection needs no lookup (a suggestion for the real event).
public sealed record ContributionAccepted(Guid ContributionId, Guid MemberId, int EquationVersion, decimal Points, Instant AcceptedAt);

public sealed record ContributionRejected(Guid ContributionId, string Reason, Instant RejectedAt);

/// <summary>Turns one generated contribution into the events of its stream, oldest first.</summary>
public static class ContributionEvents
{
    public static Type[] Types { get; } =
        [typeof(ContributionSubmitted), typeof(ContributionReviewed), typeof(ContributionAccepted), typeof(ContributionRejected)];

    public static object[] For(GeneratedContribution c)
    {
        var events = new List<object>(3)
        {
            new ContributionSubmitted(c.Id, c.MemberId, c.Kind, c.Quantity, c.Unit, c.OccurredOn, c.Description,
                c.EvidenceUrl, c.MemberId, c.SubmittedAt),
        };
        if (c.Review is { } review)
        {
            events.Add(new ContributionReviewed(c.Id, review.ReviewerId, review.Approved ? "approve" : "reject",
                review.Approved ? null : "Evidence does not show the hours claimed.", review.At));
            events.Add(review.Approved
                ? new ContributionAccepted(c.Id, c.MemberId, review.EquationVersion, review.Points, review.At)
                : new ContributionRejected(c.Id, "Evidence does not show the hours claimed.", review.At));
        }
        return [.. events];
    }
}
