using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Networks;

public class ProjectAndPolicyTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Frame = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");

    private static Spec<Network> Founded() => new Spec<Network>(Network.Evolve)
        .Given(Founding.Decide(new FoundNetwork("Makers", "EUR", "Ada"), NetworkId, Ada, Now));

    [Fact]
    public void A_steward_opens_a_project_that_the_network_then_knows()
    {
        var spec = Founded();
        spec.Then(n => Projects.Decide(new OpenProject(Frame, " Frame ", Ada), n, Now), new ProjectOpened(NetworkId, Frame, "Frame", Ada, Now));
        spec.Given(new ProjectOpened(NetworkId, Frame, "Frame", Ada, Now)).State.Projects.Should().ContainKey(Frame);
    }

    [Fact]
    public void Project_names_are_required_and_unique_ignoring_case()
    {
        var spec = Founded().Given(new ProjectOpened(NetworkId, Frame, "Frame", Ada, Now));
        spec.ThenRefused(n => Projects.Decide(new OpenProject(Guid.NewGuid(), "FRAME", Ada), n, Now), RefusalKind.Conflict, "project-exists");
        spec.ThenRefused(n => Projects.Decide(new OpenProject(Guid.NewGuid(), "", Ada), n, Now), RefusalKind.Invalid, "invalid-name");
    }

    [Fact]
    public void The_quorum_defaults_to_one_and_a_steward_changes_it()
    {
        var spec = Founded();
        spec.State.ApprovalsRequired.Should().Be(1);
        spec.Then(n => ReviewPolicy.Decide(new SetReviewPolicy(2, Ada), n, Now), new ReviewPolicySet(NetworkId, 2, Ada, Now));
        spec.Given(new ReviewPolicySet(NetworkId, 2, Ada, Now)).State.ApprovalsRequired.Should().Be(2);
        spec.Then(n => ReviewPolicy.Decide(new SetReviewPolicy(2, Ada), n, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    public void The_quorum_must_be_between_one_and_twenty(int? approvals)
    {
        Founded().ThenRefused(n => ReviewPolicy.Decide(new SetReviewPolicy(approvals, Ada), n, Now), RefusalKind.Invalid, "invalid-approvalsRequired");
    }
}
