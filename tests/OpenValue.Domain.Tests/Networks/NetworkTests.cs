using System.Collections.Immutable;
using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Networks;

public class NetworkTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");

    private static object[] Founded() => Founding.Decide(new FoundNetwork("Makers", "EUR", "Ada"), NetworkId, Ada, Now);

    private static MemberAdmitted BobAdmitted(params Role[] roles) =>
        new(NetworkId, Bob, "Bob", roles, StakeholderClass.Labour, Ada, Now);

    /// <summary>
    /// The network with its members beside it: the members are separate from the write model, as in the app.
    /// </summary>
    private sealed record Roster(Network Network, ImmutableDictionary<Guid, NetworkMember> Members)
    {
        public NetworkMember? Member(Guid id) => Members.GetValueOrDefault(id);

        public static Roster? Evolve(Roster? state, object @event)
        {
            var network = Network.Evolve(state?.Network, @event)!;
            var members = state?.Members ?? ImmutableDictionary<Guid, NetworkMember>.Empty;
            members = @event switch
            {
                MemberAdmitted e => members.SetItem(e.MemberId, new NetworkMember(e.MemberId, e.Name,
                    e.StakeholderClass, [.. e.Roles])),
                MemberRoleGranted e => members.SetItem(e.MemberId,
                    members[e.MemberId] with { Roles = members[e.MemberId].Roles.Add(e.Role) }),
                MemberRoleRevoked e => members.SetItem(e.MemberId,
                    members[e.MemberId] with { Roles = members[e.MemberId].Roles.Remove(e.Role) }),
                _ => members,
            };
            return new Roster(network, members);
        }
    }

    private static Spec<Roster> Spec() => new(Roster.Evolve);

    private static object[] Admit(Roster r, AdmitMember command) => Membership.Decide(command, r.Network,
        r.Member(command.MemberId), Now);

    private static object[] Change(Roster r, ChangeRoles command) => Membership.Decide(command, r.Network,
        r.Member(command.MemberId), Now);

    [Fact]
    public void Founding_a_network_admits_the_founder_with_every_role()
    {
        Founded().Should().BeEquivalentTo(new object[]
        {
            new NetworkFounded(NetworkId, "Makers", "EUR", Ada, Now),
            new MemberAdmitted(NetworkId, Ada, "Ada", [Role.Contributor, Role.Reviewer, Role.Treasurer, Role.Steward],
                StakeholderClass.Founder, Ada, Now),
        }, o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    [Theory]
    [InlineData(null, "EUR", "Ada", "name")]
    [InlineData("  ", "EUR", "Ada", "name")]
    [InlineData("Makers", "EURO", "Ada", "currency")]
    [InlineData("Makers", "eur", "Ada", "currency")]
    [InlineData("Makers", null, "Ada", "currency")]
    [InlineData("Makers", "EUR", "", "founder.name")]
    public void Founding_refuses_bad_input_naming_the_field(string? name, string? currency, string? founder,
        string field)
    {
        var act = () => Founding.Decide(new FoundNetwork(name, currency, founder), NetworkId, Ada, Now);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Founding_refuses_a_name_longer_than_200_characters()
    {
        var act = () => Founding.Decide(new FoundNetwork(new string('x', 201), "EUR", "Ada"), NetworkId, Ada, Now);
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-name");
    }

    [Fact]
    public void A_steward_admits_a_member_with_roles_and_a_class()
    {
        Spec().Given(Founded()).Then(
            n => Admit(n, new AdmitMember(Bob, " Bob ", ["reviewer", "contributor"], "labour", Ada)),
            BobAdmitted(Role.Contributor, Role.Reviewer));
    }

    [Fact]
    public void Admitting_refuses_an_unknown_role_and_an_unknown_class()
    {
        var spec = Spec().Given(Founded());
        spec.ThenRefused(n => Admit(n, new AdmitMember(Bob, "Bob", ["boss"], "labour", Ada)), RefusalKind.Invalid,
            "invalid-roles")
            .Field.Should().Be("roles[0]");
        spec.ThenRefused(n => Admit(n, new AdmitMember(Bob, "Bob", ["contributor"], "owner", Ada)), RefusalKind.Invalid,
            "invalid-stakeholderClass");
        spec.ThenRefused(n => Admit(n, new AdmitMember(Bob, "Bob", ["contributor"], null, Ada)), RefusalKind.Invalid,
            "invalid-stakeholderClass");
    }

    [Fact]
    public void Admitting_the_same_member_id_twice_is_a_conflict()
    {
        Spec().Given(Founded()).Given(BobAdmitted(Role.Contributor))
            .ThenRefused(n => Admit(n, new AdmitMember(Bob, "Bob", ["contributor"], "labour", Ada)),
                RefusalKind.Conflict, "member-exists");
    }

    [Fact]
    public void A_member_has_at_least_one_role_from_admission_on()
    {
        var spec = Spec().Given(Founded());
        spec.ThenRefused(n => Admit(n, new AdmitMember(Bob, "Bob", [], "labour", Ada)), RefusalKind.Invalid,
            "invalid-roles")
            .Message.Should().Contain("at least one role");
        spec.Given(BobAdmitted(Role.Contributor))
            .ThenRefused(n => Change(n, new ChangeRoles(Bob, [], ["contributor"], Ada)), RefusalKind.Invalid,
                "invalid-revoke");
        spec.Then(n => Change(n, new ChangeRoles(Bob, ["reviewer"], ["contributor"], Ada)),
            new MemberRoleGranted(NetworkId, Bob, Role.Reviewer, Ada, Now), new MemberRoleRevoked(NetworkId, Bob,
                Role.Contributor, Ada, Now));
    }

    [Fact]
    public void Granting_and_revoking_emit_one_event_per_actual_change()
    {
        Spec().Given(Founded()).Given(BobAdmitted(Role.Contributor, Role.Reviewer)).Then(
            n => Change(n, new ChangeRoles(Bob, ["treasurer", "contributor"], ["reviewer", "steward"], Ada)),
            new MemberRoleGranted(NetworkId, Bob, Role.Treasurer, Ada, Now),
            new MemberRoleRevoked(NetworkId, Bob, Role.Reviewer, Ada, Now));
    }

    [Fact]
    public void Evolving_role_changes_updates_the_member()
    {
        var network = Spec().Given(Founded()).Given(BobAdmitted(Role.Contributor))
            .Given(new MemberRoleGranted(NetworkId, Bob, Role.Steward, Ada, Now), new MemberRoleRevoked(NetworkId, Bob,
                Role.Contributor, Ada, Now))
            .State;
        network.Member(Bob)!.Roles.Should().BeEquivalentTo([Role.Steward]);
        network.Network.CountHolding(Role.Steward).Should().Be(2);
        network.Network.CountHolding(Role.Contributor).Should().Be(1, "Ada is still a contributor, Bob no longer");
        network.Network.MemberCount.Should().Be(2);
    }

    [Fact]
    public void The_last_steward_cannot_lose_the_role()
    {
        Spec().Given(Founded()).Given(BobAdmitted(Role.Contributor))
            .ThenRefused(n => Change(n, new ChangeRoles(Ada, [], ["steward"], Ada)), RefusalKind.Conflict,
                "last-steward");
    }

    [Fact]
    public void A_steward_may_step_down_once_another_steward_exists()
    {
        Spec().Given(Founded()).Given(BobAdmitted(Role.Steward)).Then(
            n => Change(n, new ChangeRoles(Ada, null, ["steward"], Ada)),
            new MemberRoleRevoked(NetworkId, Ada, Role.Steward, Ada, Now));
    }

    [Fact]
    public void Role_changes_refuse_nothing_to_do_a_contradiction_and_an_unknown_member()
    {
        var spec = Spec().Given(Founded()).Given(BobAdmitted(Role.Contributor));
        spec.ThenRefused(n => Change(n, new ChangeRoles(Bob, [], [], Ada)), RefusalKind.Invalid, "invalid-grant");
        spec.ThenRefused(n => Change(n, new ChangeRoles(Bob, ["reviewer"], ["reviewer"], Ada)), RefusalKind.Invalid,
            "invalid-revoke");
        spec.ThenRefused(n => Change(n, new ChangeRoles(Guid.Empty, ["reviewer"], [], Ada)), RefusalKind.NotFound,
            "member-not-found");
    }
}
