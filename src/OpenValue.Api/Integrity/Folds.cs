using JasperFx.Events;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks.Projects;
using OpenValue.Api.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Budgeting;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Integrity;

/// <summary>
/// Every stored document and ledger entry of one network, recomputed in memory from its events with the
/// same folds the projections run (the domain's Evolve functions and the projections' own methods).
/// </summary>
internal sealed class Folds
{
    private static readonly ContributionViewProjection Contributions = new();

    public Dictionary<Guid, Network> Networks { get; } = [];
    public Dictionary<Guid, NetworkView> NetworkViews { get; } = [];
    public Dictionary<Guid, MemberView> Members { get; } = [];
    public Dictionary<Guid, ProjectView> Projects { get; } = [];
    public Dictionary<Guid, ContributionView> ContributionViews { get; } = [];
    public Dictionary<Guid, Pool> Pools { get; } = [];
    public Dictionary<Guid, Distribution> Distributions { get; } = [];
    public Dictionary<Guid, IncomeView> IncomeViews { get; } = [];
    public Dictionary<Guid, Round> Rounds { get; } = [];
    public Dictionary<Guid, MemberPayout> MemberPayouts { get; } = [];
    public Dictionary<long, PointsEntry> Entries { get; } = [];

    /// <summary>Events must come in sequence order (each stream's in version order).</summary>
    public void Add(IEvent e)
    {
        var id = e.StreamId;
        Step(Networks, id, s => Network.Evolve(s, e.Data));
        Step(Pools, id, s => Pool.Evolve(s, e.Data));
        Step(Distributions, id, s => Distribution.Evolve(s, e.Data));
        Step(Rounds, id, s => Round.Evolve(s, e.Data));
        Step(ContributionViews, id, s => Contributions.Evolve(s, id, e));
        AddViews(e.Data);
        AddIncome(e);
        MemberPayoutProjection.Fold(MemberPayouts, e);
        if (PointsLedgerProjection.EntryOf(e) is { } entry)
            Entries[entry.Seq] = entry;
    }

    private void AddViews(object data)
    {
        switch (data)
        {
            case NetworkFounded f:
                NetworkViews[f.NetworkId] = NetworkViewProjection.Create(f);
                break;
            case MemberAdmitted a:
                if (NetworkViews.TryGetValue(a.NetworkId, out var view)) NetworkViewProjection.Apply(view, a);
                Members[a.MemberId] = MemberViewProjection.Create(a);
                break;
            case MemberRoleGranted g when Members.TryGetValue(g.MemberId, out var member):
                MemberViewProjection.Apply(member, g);
                break;
            case MemberRoleRevoked r when Members.TryGetValue(r.MemberId, out var member):
                MemberViewProjection.Apply(member, r);
                break;
            case MemberRenamed n when Members.TryGetValue(n.MemberId, out var member):
                MemberViewProjection.Apply(member, n);
                break;
            case MemberClassChanged c when Members.TryGetValue(c.MemberId, out var member):
                MemberViewProjection.Apply(member, c);
                break;
            case MemberDeparted d when Members.TryGetValue(d.MemberId, out var member):
                MemberViewProjection.Apply(member, d);
                break;
            case MemberPayoutDetailsSet p when Members.TryGetValue(p.MemberId, out var member):
                MemberViewProjection.Apply(member, p);
                break;
            case MemberTokenReissued t when Members.TryGetValue(t.MemberId, out var member):
                MemberViewProjection.Apply(member, t);
                break;
            case MemberInvitationIssued i when Members.TryGetValue(i.MemberId, out var member):
                MemberViewProjection.Apply(member, i);
                break;
            case MemberErased x when Members.TryGetValue(x.MemberId, out var member):
                MemberViewProjection.Apply(member, x);
                break;
            case ProjectOpened p:
                Projects[p.ProjectId] = ProjectViewProjection.Create(p);
                break;
        }
    }

    private void AddIncome(IEvent e)
    {
        if (e is IEvent<IncomeRecorded> recorded)
            IncomeViews[recorded.Data.IncomeId] = IncomeViewProjection.Create(recorded);
        else if (e.Data is IncomeReversed reversed && IncomeViews.TryGetValue(reversed.IncomeId, out var view))
            IncomeViewProjection.Apply(view, reversed);
    }

    private static void Step<T>(Dictionary<Guid, T> folded, Guid id, Func<T?, T?> evolve) where T : class
    {
        var next = evolve(folded.GetValueOrDefault(id));
        if (next is not null) folded[id] = next;
    }
}
