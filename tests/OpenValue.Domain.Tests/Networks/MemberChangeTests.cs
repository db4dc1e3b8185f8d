using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Networks;

public class MemberChangeTests
{
    private static readonly Instant Admitted = Instant.FromUtc(2026, 11, 10, 15, 0);
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 30);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");
    private static readonly Guid Eve = Guid.Parse("0197a000-0000-7000-8000-0000000000e5");

    private static readonly Network Makers = new(NetworkId, "Makers", "EUR");

    private static readonly NetworkMember DeeMember =
        new(Dee, "Dee", StakeholderClass.Labour, [Role.Contributor]) { AdmittedAt = Admitted };

    private static object[] Decide(ChangeMember command, NetworkMember? member = null) =>
        Membership.Decide(command, Makers, member ?? DeeMember, Now);

    private static ChangeMember ByAda(string? name = null, string? cls = null, string? on = null) =>
        new(Dee, name, cls, on, Ada, BySteward: true);

    private static RuleViolation Refused(Func<object[]> decide) =>
        decide.Should().Throw<RuleViolation>().Which;

    [Fact]
    public void A_steward_renames_a_member_at_once()
    {
        Decide(ByAda(name: "  Dee Smith ")).Should().BeEquivalentTo(
            new object[] { new MemberRenamed(NetworkId, Dee, "Dee Smith", Ada, Now) }, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void A_member_renames_themself()
    {
        Decide(new ChangeMember(Dee, "Dee Smith", null, null, Dee, BySteward: false)).Should().BeEquivalentTo(
            new object[] { new MemberRenamed(NetworkId, Dee, "Dee Smith", Dee, Now) }, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void A_member_does_not_rename_someone_else()
    {
        var refusal = Refused(() => Decide(new ChangeMember(Dee, "Dee Smith", null, null, Eve, BySteward: false)));
        refusal.Kind.Should().Be(RefusalKind.Forbidden);
        refusal.Code.Should().Be("steward-or-self");
    }

    [Fact]
    public void Only_a_steward_changes_a_class_even_their_own()
    {
        var refusal = Refused(() => Decide(new ChangeMember(Dee, null, "investor", "2026-11-20", Dee,
            BySteward: false)));
        refusal.Kind.Should().Be(RefusalKind.Forbidden);
        refusal.Code.Should().Be("steward-only");
    }

    [Fact]
    public void A_steward_moves_a_member_to_another_class_from_a_date()
    {
        Decide(ByAda(cls: "investor", on: "2026-11-20")).Should().BeEquivalentTo(
            new object[] { new MemberClassChanged(NetworkId, Dee, StakeholderClass.Investor, new LocalDate(2026, 11,
                20), Ada, Now) },
            o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Both_changes_in_one_body_are_two_events_name_first()
    {
        Decide(ByAda("Dee Smith", "investor", "2026-12-01")).Select(e => e.GetType())
            .Should().Equal(typeof(MemberRenamed), typeof(MemberClassChanged));
    }

    [Theory]
    [InlineData(null, "owner", "2026-11-20", "stakeholderClass")]
    [InlineData(null, "Investor", "2026-11-20", "stakeholderClass")]
    [InlineData(null, "investor", null, "effectiveOn")]
    [InlineData(null, null, "2026-11-20", "stakeholderClass")]
    [InlineData(null, "investor", "20.11.2026", "effectiveOn")]
    [InlineData(null, "investor", "2026-12-02", "effectiveOn")]
    [InlineData(null, "investor", "2026-11-09", "effectiveOn")]
    [InlineData("", null, null, "name")]
    [InlineData(" \u200B ", null, null, "name")]
    [InlineData("Dee\nSmith", null, null, "name")]
    [InlineData(null, null, null, "name")]
    public void Bad_fields_are_refused_naming_the_field(string? name, string? cls, string? on, string field)
    {
        var refusal = Refused(() => Decide(ByAda(name, cls, on)));
        refusal.Kind.Should().Be(RefusalKind.Invalid);
        refusal.Field.Should().Be(field);
    }

    [Fact]
    public void The_day_of_admission_is_the_earliest_effective_date()
    {
        Decide(ByAda(cls: "investor", on: "2026-11-10")).Should().ContainSingle().Which.Should()
            .BeOfType<MemberClassChanged>();
    }

    [Fact]
    public void A_body_that_changes_nothing_is_refused()
    {
        Refused(() => Decide(ByAda(name: "Dee"))).Field.Should().Be("name");
        // Labour from the day of admission is what Dee already has at every moment.
        Refused(() => Decide(ByAda(cls: "labour", on: "2026-11-10"))).Field.Should().Be("stakeholderClass");
        var moved = DeeMember with
        {
            StakeholderClass = StakeholderClass.Investor,
            Classes = [new(Admitted, StakeholderClass.Labour), new(Instant.FromUtc(2026, 11, 20, 0, 0),
                StakeholderClass.Investor)],
        };
        Refused(() => Decide(ByAda(cls: "investor", on: "2026-11-20"), moved)).Field.Should().Be("stakeholderClass");
        // Labour again from a later date is a change; investor from an earlier date is one too.
        Decide(ByAda(cls: "labour", on: "2026-11-25"), moved).Should().ContainSingle();
        Decide(ByAda(cls: "investor", on: "2026-11-15"), moved).Should().ContainSingle();
    }

    [Fact]
    public void A_member_of_another_network_is_not_found()
    {
        var refusal = Refused(() => Membership.Decide(ByAda(name: "Dee Smith"), Makers, null, Now));
        refusal.Kind.Should().Be(RefusalKind.NotFound);
        refusal.Code.Should().Be("member-not-found");
    }

    [Fact]
    public void The_class_in_force_follows_the_history()
    {
        var history = ClassHistory.With([new ClassPeriod(Admitted, StakeholderClass.Labour)],
            new ClassPeriod(ClassHistory.StartOf(new LocalDate(2026, 11, 20)), StakeholderClass.Investor));
        ClassHistory.At(history, Instant.FromUtc(2026, 11, 19, 23, 59)).Should().Be(StakeholderClass.Labour);
        ClassHistory.At(history, Instant.FromUtc(2026, 11, 20, 0, 0)).Should().Be(StakeholderClass.Investor);
        // A later decision dated earlier replaces what followed its date.
        var corrected = ClassHistory.With(history,
            new ClassPeriod(ClassHistory.StartOf(new LocalDate(2026, 11, 15)), StakeholderClass.User));
        corrected.Select(p => p.StakeholderClass).Should().Equal(StakeholderClass.Labour, StakeholderClass.User);
        ClassHistory.At(corrected, Instant.FromUtc(2026, 11, 25, 0, 0)).Should().Be(StakeholderClass.User);
    }
}
