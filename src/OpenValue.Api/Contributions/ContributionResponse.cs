using System.Globalization;
using Marten;
using NodaTime;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;

namespace OpenValue.Api.Contributions;

public sealed record ReviewResponse(Guid ReviewerId, Verdict Verdict, string? Reason, int Round, Instant At);

/// <summary>
/// One contribution as the API shows it. Quantity and points are strings so exact decimals survive every
/// JSON parser; points and equation version are null until the contribution is accepted under a value equation.
/// <see cref="Version"/> is what a review names as the version it judged.
/// </summary>
public sealed record ContributionResponse(
    Guid ContributionId, Guid MemberId, string Kind, string Quantity, string Unit, LocalDate OccurredOn, string Description,
    string? EvidenceUrl, Guid? ProjectId, ContributionStatus Status, int Round, Instant SubmittedAt, Instant? DecidedAt,
    string? Points, int? EquationVersion, IReadOnlyList<ReviewResponse> Reviews, long Version)
{
    public static ContributionResponse From(ContributionView v) => new(
        v.Id, v.MemberId, v.Kind, v.Quantity.ToString(CultureInfo.InvariantCulture), v.Unit, v.OccurredOn, v.Description,
        v.EvidenceUrl, v.ProjectId, v.Status, v.Round, v.SubmittedAt, v.DecidedAt, v.Points is { } p ? DecimalText.Format(p) : null, v.EquationVersion,
        [.. v.Reviews.Select(r => new ReviewResponse(r.ReviewerId, r.Verdict, r.Reason, r.Round, r.At))], v.Version);

    public static async Task<ContributionResponse> Load(IQuerySession session, Guid contributionId, CancellationToken cancellation) =>
        await session.LoadAsync<ContributionView>(contributionId, cancellation) is { } view
            ? From(view)
            : throw NotFound(contributionId);

    public static RuleViolation NotFound(Guid contributionId) =>
        RuleViolation.NotFound("contribution-not-found", $"Contribution {contributionId} is not in this network.");
}
