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

    /// <summary>
    /// The class over time, from admission (<see cref="ClassHistory"/>); <see cref="StakeholderClass"/> is the last.
    /// </summary>
    public List<ClassPeriod> Classes { get; set; } = [];

    /// <summary>
    /// Who admitted this member, made them treasurer or steward, or reissued their token, and when: for four eyes.
    /// </summary>
    public List<Vouching> Vouchings { get; set; } = [];

    /// <summary>
    /// The date the member left from (<see cref="MemberDeparted"/>); null while a member. A departed member is
    /// listed with their history but can no longer sign in or act, and their positions no longer count.
    /// </summary>
    public LocalDate? DepartedOn { get; set; }

    public Instant? DepartedAt { get; set; }
    public LeaverTerms? LeaverTerms { get; set; }

    /// <summary>Where their money goes, sealed as the event stored it; null when not set, or erased.</summary>
    public StoredPayoutDetails? PayoutDetails { get; set; }

    /// <summary>Their personal data was erased; <see cref="Name"/> is then no longer readable.</summary>
    public bool Erased { get; set; }

    /// <summary>
    /// The member as the domain's decisions see them; <paramref name="name"/> is their name opened (the view keeps
    /// it sealed), for the decisions that compare it.
    /// </summary>
    public NetworkMember ToMember(string? name = null) =>
        new(Id, name ?? Name, StakeholderClass, [.. Roles])
        {
            AdmittedAt = AdmittedAt, Classes = Classes, DepartedOn = DepartedOn, Erased = Erased,
        };
}

/// <summary>Payout details as stored: each field sealed under the member's key.</summary>
public sealed record StoredPayoutDetails(string? Iban, string? Bic, string? AccountReference, Instant SetAt);

public sealed class MemberViewProjection : MultiStreamProjection<MemberView, Guid>
{
    public MemberViewProjection()
    {
        Identity<MemberAdmitted>(e => e.MemberId);
        Identity<MemberRoleGranted>(e => e.MemberId);
        Identity<MemberRoleRevoked>(e => e.MemberId);
        Identity<MemberTokenReissued>(e => e.MemberId);
        Identity<MemberInvitationIssued>(e => e.MemberId);
        Identity<MemberRenamed>(e => e.MemberId);
        Identity<MemberClassChanged>(e => e.MemberId);
        Identity<MemberDeparted>(e => e.MemberId);
        Identity<MemberPayoutDetailsSet>(e => e.MemberId);
        Identity<MemberErased>(e => e.MemberId);
    }

    /// <summary>Their roles stay shown as they were when they left; they no longer count (see Network).</summary>
    public static void Apply(MemberView view, MemberDeparted e) =>
        (view.DepartedOn, view.DepartedAt, view.LeaverTerms) = (e.On, e.DepartedAt, e.Terms);

    public static MemberView Create(MemberAdmitted e) => new()
    {
        Id = e.MemberId,
        Name = e.Name,
        StakeholderClass = e.StakeholderClass,
        Roles = [.. e.Roles],
        AdmittedAt = e.AdmittedAt,
        Classes = [new ClassPeriod(e.AdmittedAt, e.StakeholderClass)],
        Vouchings = [new Vouching(e.AdmittedBy, VouchingKind.Admitted, e.AdmittedAt)],
    };

    public static void Apply(MemberView view, MemberRoleGranted e)
    {
        if (e.Role is Role.Treasurer or Role.Steward)
            view.Vouchings.Add(new Vouching(e.GrantedBy,
                e.Role == Role.Treasurer ? VouchingKind.GrantedTreasurer : VouchingKind.GrantedSteward, e.GrantedAt));
        if (!view.Roles.Contains(e.Role))
            view.Roles = [.. view.Roles.Append(e.Role).Order()];
    }

    public static void Apply(MemberView view, MemberRoleRevoked e) => view.Roles.Remove(e.Role);

    public static void Apply(MemberView view, MemberRenamed e) => view.Name = e.Name;

    /// <summary>The change holds from the start of its day on; the current class is the last in the history.</summary>
    public static void Apply(MemberView view, MemberClassChanged e)
    {
        var change = new ClassPeriod(ClassHistory.StartOf(e.EffectiveOn), e.StakeholderClass);
        view.Classes = ClassHistory.With(view.Classes, change);
        view.StakeholderClass = view.Classes[^1].StakeholderClass;
    }

    /// <summary>Whoever opens a fresh invitation link takes over the membership, as with a new token.</summary>
    public static void Apply(MemberView view, MemberInvitationIssued e)
    {
        if (e.IssuedBy != e.MemberId)
            view.Vouchings.Add(new Vouching(e.IssuedBy, VouchingKind.IssuedInvitation, e.IssuedAt));
    }

    public static void Apply(MemberView view, MemberPayoutDetailsSet e) =>
        view.PayoutDetails = new StoredPayoutDetails(e.Iban, e.Bic, e.AccountReference, e.SetAt);

    /// <summary>The key is gone, so the sealed details say nothing: dropped, so that no read even tries them.</summary>
    public static void Apply(MemberView view, MemberErased e) => (view.Erased, view.PayoutDetails) = (true, null);

    /// <summary>A member resetting their own token vouches for nobody.</summary>
    public static void Apply(MemberView view, MemberTokenReissued e)
    {
        if (e.ReissuedBy != e.MemberId)
            view.Vouchings.Add(new Vouching(e.ReissuedBy, VouchingKind.ReissuedToken, e.ReissuedAt));
    }
}
