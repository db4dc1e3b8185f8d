using Marten;
using OpenValue.Api.Infrastructure;
using NodaTime;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Shares;
using OpenValue.Domain.Money;
using OpenValue.Domain.Valuation;
using Wolverine.Http;
using OpenValue.Api.Networks;

namespace OpenValue.Api.Valuation;

public sealed record SimulatedMember(
    Guid MemberId, string Name, string CurrentPoints, string CurrentShare, string CurrentPercent,
    string ProposedPoints, IReadOnlyDictionary<string, string> ProposedPointsByKind, string ProposedShare,
        string ProposedPercent,
    string ShareDifference, string PercentDifference);

public sealed record SimulationResponse(
    Instant AsOf, Guid? ProjectId, int? CurrentVersion, string CurrentTotalPoints, string ProposedTotalPoints,
    IReadOnlyList<SimulatedMember> Members, IReadOnlyList<Guid> Unvalued);

public static class SimulationEndpoint
{
    /// <summary>
    /// Shares now under a proposed equation (checked as adopting would check it) applied to the whole
    /// history, beside today's shares, with each member's difference. Reads only; appends nothing.
    /// </summary>
    [WolverinePost("/networks/{networkId}/value-equations/simulate")]
    [EndpointSummary("Simulate a proposed value equation")]
    [EndpointDescription(
        "Shares now under the proposal applied to the whole history, beside today's shares. Appends nothing.")]
    public static async Task<SimulationResponse> Simulate(
        Guid networkId, ValueEquationRequest body, string? projectId, IQuerySession session, IShareSource shares, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var asOf = http.Now();
        var network = await NetworkLookup.NetworkOf(session, networkId, cancellation);
        var proposed = ValueEquations.Candidate(body, network, network.Equations.Count + 1, asOf);
        var project = await ShareText.Project(projectId, session, cancellation);
        var members = (await session.Query<MemberView>().ToListAsync(cancellation)).ToDictionary(m => m.Id);
        var names = await Privacy.Unsealed.For(session, members.Values.Select(m => m.Name), cancellation);
        var accepted = await AcceptedContributions.Load(session, project, cancellation);
        var simulated = Simulation.Run(proposed, accepted, members.ToDictionary(m => m.Key, m =>
            m.Value.StakeholderClass),
            Currency.Parse(network.Currency, "currency"), asOf);
        var current = await shares.AsOf(networkId, project, asOf, cancellation);

        var now = current.Members.ToDictionary(m => m.MemberId);
        var then = simulated.Shares.ToDictionary(s => s.MemberId);
        var ids = now.Keys.Union(then.Keys).Order(MemberIdOrder.Instance);
        return new SimulationResponse(asOf, project, current.EquationVersion, DecimalText.Format(current.TotalPoints),
            DecimalText.Format(simulated.Shares.Sum(s => s.Points)),
            [.. ids.Select(id => Member(id, members, names, now.GetValueOrDefault(id), then.GetValueOrDefault(id),
                simulated))], simulated.Unvalued);
    }

    private static SimulatedMember Member(Guid id, IReadOnlyDictionary<Guid, MemberView> members,
        Privacy.Unsealed names, MemberShare? current, ShareLine? proposed, SimulatedShares simulated)
    {
        var (share, percent) = (current?.Share ?? 0m, current?.Percent ?? 0m);
        var (proposedShare, proposedPercent) = (proposed?.Share ?? 0m, proposed?.Percent ?? 0m);
        var byKind = simulated.PointsByKind.GetValueOrDefault(id) ?? new Dictionary<string, decimal>();
        return new SimulatedMember(id, members.GetValueOrDefault(id) is { } member ? names.Name(member.Name) : "",
            DecimalText.Format(current?.Points ?? 0m), DecimalText.Format(share), ShareText.Percent(percent),
            DecimalText.Format(proposed?.Points ?? 0m), byKind.OrderBy(k => k.Key, StringComparer.Ordinal)
                .ToDictionary(k => k.Key, k => DecimalText.Format(k.Value)),
            DecimalText.Format(proposedShare), ShareText.Percent(proposedPercent),
            DecimalText.Format(proposedShare - share), ShareText.Percent(proposedPercent - percent));
    }
}
