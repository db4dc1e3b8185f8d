using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Networks.Members;

/// <summary>One member of a network as others see them. Tenanted by network; updated inline.</summary>
public sealed class MemberView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public StakeholderClass StakeholderClass { get; set; }
    public List<Role> Roles { get; set; } = [];
    public Instant AdmittedAt { get; set; }

    /// <summary>The member as the domain's decisions see them.</summary>
    public NetworkMember ToMember() => new(Id, Name, StakeholderClass, [.. Roles]);
}

public sealed class MemberViewProjection : MultiStreamProjection<MemberView, Guid>
{
    public MemberViewProjection()
    {
        Identity<MemberAdmitted>(e => e.MemberId);
        Identity<MemberRoleGranted>(e => e.MemberId);
        Identity<MemberRoleRevoked>(e => e.MemberId);
    }

    public static MemberView Create(MemberAdmitted e) => new()
    {
        Id = e.MemberId,
        Name = e.Name,
        StakeholderClass = e.StakeholderClass,
        Roles = [.. e.Roles],
        AdmittedAt = e.AdmittedAt,
    };

    public static void Apply(MemberView view, MemberRoleGranted e)
    {
        if (!view.Roles.Contains(e.Role))
            view.Roles = [.. view.Roles.Append(e.Role).Order()];
    }

    public static void Apply(MemberView view, MemberRoleRevoked e) => view.Roles.Remove(e.Role);
}
