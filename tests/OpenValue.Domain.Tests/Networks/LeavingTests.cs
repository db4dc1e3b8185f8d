using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Networks;

public class LeavingTests
{
    private static readonly Instant Admitted = Instant.FromUtc(2026, 11, 10, 15, 0);
    private static readonly Instant AcceptedAt = Instant.FromUtc(2026, 11, 20, 12, 0);
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 30);
    private static readonly Instant StartOfDec1 = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");
    private static readonly Guid Eve = Guid.Parse("0197a000-0000-7000-8000-0000000000e5");
    private static readonly Guid Work = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    private static readonly Guid Cash = Guid.Parse("0197a000-0000-7000-8000-0000000000c2");
    private static readonly Guid Design = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");

    private static Network Makers(params object[] more) => new object[]
    {
        new NetworkFounded(NetworkId, "Makers", "EUR", Ada, Admitted),
        new MemberAdmitted(NetworkId, Ada, "Ada", Enum.GetValues<Role>(), StakeholderClass.Founder, Ada, Admitted),
        new MemberAdmitted(NetworkId, Dee, "Dee", [Role.Contributor, Role.Treasurer], StakeholderClass.Labour, Ada,
            Admitted),
    }.Concat(more).Aggregate((Network?)null, Network.Evolve)!;

    private static readonly NetworkMember DeeMember =
        new(Dee, "Dee", StakeholderClass.Labour, [Role.Contributor, Role.Treasurer]) { AdmittedAt = Admitted };

    private static readonly NetworkMember AdaMember =
        new(Ada, "Ada", StakeholderClass.Founder, [.. Enum.GetValues<Role>()]) { AdmittedAt = Admitted };

    /// <summary>An accepted contribution of Dee's, optionally corrected later.</summary>
    private static Contribution AcceptedOf(Guid id, string kind, decimal points, Instant? correctedAt = null)
    {
        var unit = kind is "cash" ? "EUR" : "hour";
        var claim = new Claim(kind, 10m, unit, new LocalDate(2026, 11, 19), "x", null, null);
        var events = new List<object>
        {
            Contribution.Submission(id, Dee, claim, AcceptedAt),
            new ContributionAccepted(id, Dee, null, kind, 10m, unit, claim.OccurredOn, 1, points, 1, null, AcceptedAt),
        };
        if (correctedAt is { } at)
            events.Add(new ContributionValueCorrected(id, Dee, null, kind, AcceptedAt, points, points * 2, 2, null!,
                "x",
                Ada, at));
        return events.Aggregate((Contribution?)null, Contribution.Evolve)!;
    }

    private static readonly Contribution[] Dees =
        [AcceptedOf(Work, "work", 1000m), AcceptedOf(Cash, "cash", 400m), AcceptedOf(Design, "design", 30m)];

    private static DepartMember ByAda(string terms = "bad-leaver", string? on = "2026-12-01",
        string? reason = "left") =>
        new(Dee, on, terms, reason, Ada, BySteward: true);

    private static object[] Decide(DepartMember command, Network? network = null, NetworkMember? member = null,
        IReadOnlyList<Contribution>? accepted = null) =>
        Leaving.Decide(command, network ?? Makers(), member ?? DeeMember, accepted ?? Dees, Now);

    private static RuleViolation Refused(Func<object[]> decide) => decide.Should().Throw<RuleViolation>().Which;

    [Fact]
    public void A_good_leaver_keeps_every_point()
    {
        Decide(ByAda("good-leaver")).Should().BeEquivalentTo(new object[]
        {
            new MemberDeparted(NetworkId, Dee, new LocalDate(2026, 12, 1), LeaverTerms.GoodLeaver, null,
                [Role.Contributor, Role.Treasurer], "left", Ada, Now),
        }, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    [Fact]
    public void A_bad_leaver_keeps_cash_and_expenses_and_forfeits_the_rest_from_the_departure_date()
    {
        // Slicing Pie's defaults: work (1000) and design (30) are forfeited from 2026-12-01T00:00Z; cash (400) kept.
        Decide(ByAda()).Should().BeEquivalentTo(new object[]
        {
            new MemberDeparted(NetworkId, Dee, new LocalDate(2026, 12, 1), LeaverTerms.BadLeaver, ["cash", "expense"],
                [Role.Contributor, Role.Treasurer], "left", Ada, Now),
            new ContributionForfeited(Work, Dee, null, "work", AcceptedAt, 1000m, LeaverTerms.BadLeaver, StartOfDec1,
                Ada, Now),
            new ContributionForfeited(Design, Dee, null, "design", AcceptedAt, 30m, LeaverTerms.BadLeaver, StartOfDec1,
                Ada, Now),
        }, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    [Fact]
    public void The_networks_own_terms_decide_what_each_leaver_keeps()
    {
        var terms = TreasuryPolicy.Decide(new SetTreasuryPolicy(null, null, Ada, ["work", "cash"], ["design"]),
            Makers(), Now);
        var network = Makers(terms);
        var good = Decide(ByAda("good-leaver"), network);
        good.OfType<ContributionForfeited>().Select(f => f.ContributionId).Should().Equal(Design);
        ((MemberDeparted)good[0]).KeptKinds.Should().Equal("cash", "work");
        var bad = Decide(ByAda(), network);
        bad.OfType<ContributionForfeited>().Select(f => f.ContributionId).Should().Equal(Work, Cash);
    }

    [Fact]
    public void A_forfeiture_counts_from_the_last_change_of_points_when_that_is_after_the_departure_date()
    {
        // Left from 2026-11-25, but the work was re-valued to 2000 on 2026-11-28: it counted 2000 until then.
        var corrected = Instant.FromUtc(2026, 11, 28, 8, 0);
        var events = Decide(ByAda(on: "2026-11-25"), accepted: [AcceptedOf(Work, "work", 1000m, corrected)]);
        events[1].Should().BeEquivalentTo(new ContributionForfeited(Work, Dee, null, "work", AcceptedAt, 2000m,
            LeaverTerms.BadLeaver, corrected, Ada, Now));
    }

    [Fact]
    public void Contributions_already_forfeited_revoked_or_without_points_are_left_alone()
    {
        var revoked = new[] { AcceptedOf(Work, "work", 1000m) }
            .Select(c => Contribution.Evolve(c, new ContributionAcceptanceRevoked(Work, Dee, null, "work", AcceptedAt,
                1000m, "x", Ada, Now))!).Single();
        var none = AcceptedOf(Design, "design", 0m);
        Decide(ByAda(), accepted: [revoked, none]).Should().HaveCount(1);
    }

    [Fact]
    public void The_member_leaves_themself_as_a_bad_leaver_but_a_steward_decides_a_good_leaver()
    {
        Decide(new DepartMember(Dee, "2026-12-01", "bad-leaver", "moving on", Dee, BySteward: false))
            .Should().HaveCount(3);
        var refusal = Refused(() => Decide(new DepartMember(Dee, "2026-12-01", "good-leaver", "moving", Dee, false)));
        (refusal.Kind, refusal.Code).Should().Be((RefusalKind.Forbidden, "steward-decides-terms"));
    }

    [Fact]
    public void Another_member_does_not_record_someone_elses_departure()
    {
        var refusal = Refused(() => Decide(new DepartMember(Dee, "2026-12-01", "bad-leaver", "x", Eve, false)));
        (refusal.Kind, refusal.Code).Should().Be((RefusalKind.Forbidden, "steward-or-self"));
    }

    [Fact]
    public void A_departure_dated_before_the_member_joined_or_in_the_future_is_refused()
    {
        var before = Refused(() => Decide(ByAda(on: "2026-11-09")));
        (before.Kind, before.Code, before.Field).Should().Be((RefusalKind.Invalid, "invalid-on", "on"));
        Refused(() => Decide(ByAda(on: "2026-12-02"))).Code.Should().Be("invalid-on");
        Refused(() => Decide(ByAda(on: null))).Code.Should().Be("invalid-on");
        // The day of admission itself is fine: the departure counts from its start.
        Decide(ByAda(on: "2026-11-10")).Should().HaveCount(3);
    }

    [Fact]
    public void Terms_and_a_reason_are_required()
    {
        Refused(() => Decide(ByAda(terms: "ugly-leaver"))).Code.Should().Be("invalid-terms");
        Refused(() => Decide(ByAda(reason: " "))).Code.Should().Be("invalid-reason");
    }

    [Fact]
    public void A_member_departs_once()
    {
        var gone = DeeMember with { DepartedOn = new LocalDate(2026, 11, 30) };
        var refusal = Refused(() => Decide(ByAda(), member: gone));
        (refusal.Kind, refusal.Code).Should().Be((RefusalKind.Conflict, "already-departed"));
    }

    [Fact]
    public void An_unknown_member_is_not_found()
    {
        Refused(() => Leaving.Decide(ByAda(), Makers(), null, [], Now)).Code.Should().Be("member-not-found");
    }

    [Fact]
    public void The_last_steward_cannot_leave_but_one_of_two_can()
    {
        var refusal = Refused(() => Decide(new DepartMember(Ada, "2026-12-01", "good-leaver", "x", Ada, true),
            member: AdaMember, accepted: []));
        (refusal.Kind, refusal.Code).Should().Be((RefusalKind.Conflict, "last-steward"));
        var two = Makers(new MemberRoleGranted(NetworkId, Dee, Role.Steward, Ada, Now));
        Leaving.Decide(new DepartMember(Ada, "2026-12-01", "good-leaver", "x", Ada, true), two, AdaMember, [], Now)
            .Should().HaveCount(1);
    }

    [Fact]
    public void A_departed_members_roles_stop_counting_and_are_not_changed_any_more()
    {
        var network = Makers(Decide(ByAda("good-leaver")));
        network.CountHolding(Role.Treasurer).Should().Be(1);
        network.CountHolding(Role.Contributor).Should().Be(1);
        network.Departures.Should().Be(1);
        network.MemberCount.Should().Be(2);
        var gone = DeeMember with { DepartedOn = new LocalDate(2026, 12, 1) };
        var refusal = Refused(() => Membership.Decide(new ChangeRoles(Dee, ["reviewer"], null, Ada), network, gone,
            Now));
        (refusal.Kind, refusal.Code).Should().Be((RefusalKind.Conflict, "member-departed"));
    }

    [Fact]
    public void A_forfeited_contribution_counts_nothing_but_stays_accepted()
    {
        var forfeited = Contribution.Evolve(Dees[0], Decide(ByAda())[1])!;
        (forfeited.Status, forfeited.Points, forfeited.Forfeited).Should().Be((ContributionStatus.Accepted, 0m, true));
    }

    [Fact]
    public void Leaver_terms_are_kinds_or_all_and_default_to_slicing_pies()
    {
        Makers().Leavers.Should().Be(LeaverPolicy.SlicingPie);
        var set = TreasuryPolicy.Decide(new SetTreasuryPolicy(null, null, Ada, ["all"], ["work", "cash", "work"]),
            Makers(), Now);
        var network = Makers(set);
        network.Leavers.GoodLeaverKeeps.Should().BeNull();
        network.Leavers.BadLeaverKeeps.Should().Equal("cash", "work");
        TreasuryPolicy.Decide(new SetTreasuryPolicy(null, null, Ada, null, ["cash", "work"]), network, Now)
            .Should().BeEmpty();
        var unknown = Refused(() => TreasuryPolicy.Decide(
            new SetTreasuryPolicy(null, null, Ada, null, ["cash", "gold"]), Makers(), Now));
        (unknown.Code, unknown.Field).Should().Be(("invalid-leaverTerms-badLeaverKeeps",
            "leaverTerms.badLeaverKeeps[1]"));
        // Back to the defaults: the event records none (null stands for Slicing Pie's, as in older events).
        var back = TreasuryPolicy.Decide(new SetTreasuryPolicy(null, null, Ada, ["all"], ["cash", "expense"]),
            network, Now);
        ((TreasuryPolicySet)back.Single()).Leavers.Should().BeNull();
    }
}
