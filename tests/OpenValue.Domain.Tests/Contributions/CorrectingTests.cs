using NodaTime;
using OpenValue.Domain.Contributions;
using static OpenValue.Domain.Tests.Contributions.Given;

namespace OpenValue.Domain.Tests.Contributions;

public class CorrectingTests
{
    private static readonly Instant Later = Now + Duration.FromDays(3);

    private static ContributionAccepted Accepted(decimal? points = 1250m) =>
        new(Id, Bob, null, "work", 12.5m, "hour", new LocalDate(2026, 11, 20), 1, points, points is null ? null : 1,
            null, Now);

    private static ContributionValueCorrected Corrected(decimal previous, decimal points) =>
        new(Id, Bob, null, "work", Now, previous, points, 2, null!, "rates", Ada, Now + Duration.FromDays(1));

    private static object[] Revoke(Contribution c, string? reason = "the work was not done") =>
        Correcting.Decide(new RevokeAcceptance(Id, reason, Ada), c, Later);

    private static object[] Appeal(Contribution c, Guid by, string? reason = "evidence added") =>
        Correcting.Decide(new AppealDecision(Id, reason, by), c, Later);

    [Fact]
    public void A_steward_revokes_an_acceptance_and_the_event_carries_the_points_it_counted()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted()).Then(c => Revoke(c),
            new ContributionAcceptanceRevoked(Id, Bob, null, "work", Now, 1250m, "the work was not done", Ada, Later));
    }

    [Fact]
    public void A_revocation_takes_away_the_points_after_their_last_correction()
    {
        // Accepted for 1250, corrected to 1000: the revocation takes 1000 (its ledger entries: +1250 - 250 - 1000 = 0).
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted(), Corrected(1250m, 1000m));
        spec.Then(c => Revoke(c),
            new ContributionAcceptanceRevoked(Id, Bob, null, "work", Now, 1000m, "the work was not done", Ada, Later));
    }

    [Fact]
    public void A_revoked_contribution_is_final_and_counts_nothing()
    {
        var revoked = new object[] { Submitted(), Reviewed(Cy, Verdict.Approve), Accepted() }
            .Concat(Revoke(Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted()).State)).ToArray();
        var state = Spec().Given(revoked).State;
        state.Status.Should().Be(ContributionStatus.Revoked);
        state.Points.Should().Be(0m);
        state.IsFinal.Should().BeTrue();
    }

    [Fact]
    public void A_revocation_needs_a_reason()
    {
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted());
        spec.ThenRefused(c => Revoke(c, "  "), RefusalKind.Invalid, "invalid-reason").Field.Should().Be("reason");
        spec.ThenRefused(c => Revoke(c, null), RefusalKind.Invalid, "invalid-reason");
    }

    [Fact]
    public void Only_an_accepted_contribution_is_revoked()
    {
        Spec().Given(Submitted()).ThenRefused(c => Revoke(c), RefusalKind.Conflict, "not-accepted");
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Reject), new ContributionRejected(Id, "no", Cy, Now))
            .ThenRefused(c => Revoke(c), RefusalKind.Conflict, "not-accepted");
    }

    [Fact]
    public void An_acceptance_is_revoked_once()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted(),
                new ContributionAcceptanceRevoked(Id, Bob, null, "work", Now, 1250m, "not done", Ada, Later))
            .ThenRefused(c => Revoke(c), RefusalKind.Conflict, "already-revoked");
    }

    [Fact]
    public void An_acceptance_without_points_is_revoked_with_none()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted(points: null)).Then(c => Revoke(c),
            new ContributionAcceptanceRevoked(Id, Bob, null, "work", Now, null, "the work was not done", Ada, Later));
    }

    [Fact]
    public void The_author_appeals_a_rejection_and_a_new_round_of_review_starts()
    {
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.Reject), new ContributionRejected(Id, "no", Cy, Now));
        spec.Then(c => Appeal(c, Bob), new ContributionAppealed(Id, "evidence added", 2, Bob, Later));
        spec.Given(new ContributionAppealed(Id, "evidence added", 2, Bob, Later));
        spec.State.Status.Should().Be(ContributionStatus.Submitted);
        spec.State.Round.Should().Be(2);
        // Cy, who rejected it in round 1, may review it again in round 2, and the approval accepts it.
        spec.Then(c => Review(c, Cy).Take(1), new ContributionReviewed(Id, Cy, Verdict.Approve, null, 2, Now));
    }

    [Fact]
    public void An_appeal_needs_a_reason()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Reject), new ContributionRejected(Id, "no", Cy, Now))
            .ThenRefused(c => Appeal(c, Bob, ""), RefusalKind.Invalid, "invalid-reason");
    }

    [Fact]
    public void Only_the_author_appeals_a_rejection()
    {
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Reject), new ContributionRejected(Id, "no", Cy, Now))
            .ThenRefused(c => Appeal(c, Dee), RefusalKind.Forbidden, "not-author");
    }

    [Fact]
    public void A_claim_under_review_withdrawn_or_revoked_is_not_appealed()
    {
        Spec().Given(Submitted()).ThenRefused(c => Appeal(c, Bob), RefusalKind.Conflict, "not-appealable");
        Spec().Given(Submitted(), new ContributionWithdrawn(Id, Bob, Now))
            .ThenRefused(c => Appeal(c, Bob), RefusalKind.Conflict, "not-appealable");
        Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted(),
                new ContributionAcceptanceRevoked(Id, Bob, null, "work", Now, 1250m, "not done", Ada, Later))
            .ThenRefused(c => Appeal(c, Dee), RefusalKind.Conflict, "not-appealable");
    }

    [Fact]
    public void Any_member_appeals_an_acceptance_as_a_request_to_revoke_it_once()
    {
        var spec = Spec().Given(Submitted(), Reviewed(Cy, Verdict.Approve), Accepted());
        spec.Then(c => Appeal(c, Dee, "I saw no jig"),
            new ContributionRevocationRequested(Id, "I saw no jig", Dee, Later));
        spec.Given(new ContributionRevocationRequested(Id, "I saw no jig", Dee, Later));
        spec.State.Status.Should().Be(ContributionStatus.Accepted);
        spec.State.Points.Should().Be(1250m);
        spec.ThenRefused(c => Appeal(c, Dee), RefusalKind.Conflict, "revocation-already-requested");
        spec.Then(c => Appeal(c, Cy, "Me neither"), new ContributionRevocationRequested(Id, "Me neither", Cy, Later));
        spec.Given(new ContributionAcceptanceRevoked(Id, Bob, null, "work", Now, 1250m, "not done", Ada, Later));
        spec.State.RevocationRequestedBy.Should().BeEmpty();
    }
}
