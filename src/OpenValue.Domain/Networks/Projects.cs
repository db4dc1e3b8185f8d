using NodaTime;

namespace OpenValue.Domain.Networks;

public sealed record OpenProject(Guid ProjectId, string? Name, Guid OpenedBy);

public sealed record SetReviewPolicy(int? ApprovalsRequired, Guid SetBy);

public static class Projects
{
    /// <summary>Names are unique in a network (ignoring case) so people can tell projects apart.</summary>
    public static object[] Decide(OpenProject command, Network network, Instant now)
    {
        var name = Text.Required(command.Name, "name", Founding.MaxNameLength);
        if (network.Projects.Values.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw RuleViolation.Conflict("project-exists", $"This network already has a project named '{name}'.");
        return [new ProjectOpened(network.Id, command.ProjectId, name, command.OpenedBy, now)];
    }
}

public static class ReviewPolicy
{
    /// <summary>An upper bound that no real network needs, so a typo cannot freeze every review.</summary>
    public const int MaxApprovalsRequired = 20;

    /// <summary>Setting the quorum already in force appends nothing, so a retried request is harmless.</summary>
    public static object[] Decide(SetReviewPolicy command, Network network, Instant now)
    {
        if (command.ApprovalsRequired is not { } required || required < 1 || required > MaxApprovalsRequired)
            throw RuleViolation.Invalid("approvalsRequired", $"'approvalsRequired' must be a whole number from 1 to {MaxApprovalsRequired}.");
        return required == network.ApprovalsRequired
            ? []
            : [new ReviewPolicySet(network.Id, required, command.SetBy, now)];
    }
}
