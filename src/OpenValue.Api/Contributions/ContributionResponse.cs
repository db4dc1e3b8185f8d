using System.Globalization;
using Marten;
using NodaTime;
using OpenValue.Domain;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Money;

namespace OpenValue.Api.Contributions;

public sealed record ReviewResponse(Guid ReviewerId, Verdict Verdict, string? Reason, int Round, Instant At);

/// <summary>A revoked acceptance: the points it counted until <c>RevokedAt</c> (null: none), who and why.</summary>
public sealed record RevocationResponse(string? Points, string Reason, Guid RevokedBy, Instant RevokedAt);

public sealed record RevocationRequestResponse(string Reason, Guid RequestedBy, Instant RequestedAt);

/// <summary>Points its author's departure took from it, from <c>From</c> on.</summary>
public sealed record ForfeitureResponse(string Points, OpenValue.Domain.Networks.LeaverTerms Terms, Instant From,
    Guid ForfeitedBy);

public sealed record AppealResponse(string Reason, int Round, Instant AppealedAt);

/// <summary>
/// One contribution as the API shows it. Quantity and points are strings so exact decimals survive every
/// JSON parser; points and equation version are null until the contribution is accepted under a value equation.
/// <see cref="Version"/> is what a review names as the version it judged. <see cref="RevocationRequested"/>: a member
/// asked the stewards to revoke the acceptance and none has yet.
/// </summary>
public sealed record ContributionResponse(
    Guid ContributionId, Guid MemberId, string Kind, string Quantity, string Unit, LocalDate OccurredOn,
        string Description,
    string? EvidenceUrl, Guid? ProjectId, ContributionStatus Status, int Round, Instant SubmittedAt, Instant? DecidedAt,
    string? Points, int? EquationVersion, IReadOnlyList<ReviewResponse> Reviews, long Version,
    bool RevocationRequested = false, IReadOnlyList<RevocationRequestResponse>? RevocationRequests = null,
    RevocationResponse? Revocation = null, ForfeitureResponse? Forfeiture = null,
    IReadOnlyList<AppealResponse>? Appeals = null)
{
    /// <param name="texts">The views' sealed texts opened (<see cref="Opening"/>).</param>
    public static ContributionResponse From(ContributionView v, Privacy.Unsealed texts) => new(
        v.Id, v.MemberId, v.Kind, v.Quantity.ToString(CultureInfo.InvariantCulture), v.Unit, v.OccurredOn,
        texts.Text(v.Description)!, texts.Text(v.EvidenceUrl), v.ProjectId, v.Status, v.Round, v.SubmittedAt,
        v.DecidedAt, v.Points is { } p ? DecimalText.Format(p) : null, v.EquationVersion,
        [.. v.Reviews.Select(r => new ReviewResponse(r.ReviewerId, r.Verdict, texts.Text(r.Reason), r.Round, r.At))],
        v.Version,
        v.RevocationRequested,
        [.. v.RevocationRequests.Select(q =>
            new RevocationRequestResponse(texts.Text(q.Reason)!, q.RequestedBy, q.RequestedAt))],
        v.Revocation is { } r ? new RevocationResponse(r.Points is { } lost ? DecimalText.Format(lost) : null,
            texts.Text(r.Reason)!, r.RevokedBy, r.RevokedAt) : null,
        v.Forfeiture is { } f
            ? new ForfeitureResponse(DecimalText.Format(f.Points), f.Terms, f.From, f.ForfeitedBy)
            : null,
        [.. v.Appeals.Select(a => new AppealResponse(texts.Text(a.Reason)!, a.Round, a.AppealedAt))]);

    /// <summary>The keys that open the free texts of these views: description, evidence link, reasons.</summary>
    public static Task<Privacy.Unsealed> Opening(
        IQuerySession session, IEnumerable<ContributionView> views, CancellationToken cancellation) =>
        Privacy.Unsealed.For(session,
            views.SelectMany(v => v.Reviews.Select(r => r.Reason)
                .Concat(v.RevocationRequests.Select(q => q.Reason)).Concat(v.Appeals.Select(a => a.Reason))
                .Append(v.Revocation?.Reason).Append(v.Description).Append(v.EvidenceUrl)),
            cancellation);

    public static async Task<ContributionResponse> Load(IQuerySession session, Guid contributionId,
        CancellationToken cancellation) =>
        await session.LoadAsync<ContributionView>(contributionId, cancellation) is { } view
            ? From(view, await Opening(session, [view], cancellation))
            : throw NotFound(contributionId);

    public static RuleViolation NotFound(Guid contributionId) =>
        RuleViolation.NotFound("contribution-not-found", $"Contribution {contributionId} is not in this network.");
}
