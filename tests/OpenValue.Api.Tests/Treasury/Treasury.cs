using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>
/// Set-up steps for treasury tests. Shares always come from real contributions, reviewed and accepted.
/// </summary>
public static class Treasury
{
    public static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    public static object Eur(string amount, string currency = "EUR") => new { amount, currency };

    public static object Income(string amount, Guid? projectId = null, string source = "sale",
        string currency = "EUR") =>
        new { amount = Eur(amount, currency), source, projectId, receivedOn = "2026-11-25", note = "test income" };

    public static async Task RecordIncome(this ApiClient api, FoundedNetwork network, string amount,
        Guid? projectId = null)
    {
        var recorded = await api.Post<IncomeRecordedResponse>(network.Url("/income"), Income(amount, projectId),
            network.Token);
        recorded.Expect(201).Amount.Amount.Should().Be(amount);
    }

    /// <summary>
    /// The author claims work and another member approves it (quorum 1), so it is accepted and earns points.
    /// </summary>
    public static async Task<Guid> Earn(this ApiClient api, FoundedNetwork network, string authorToken,
        string reviewerToken, string hours = "10", Guid? projectId = null)
    {
        var id = await api.Submit(network, authorToken, Claims.Work(hours).With("projectId", projectId));
        var reviewed = await api.Review(network, id, reviewerToken);
        reviewed.Expect(200).Status.Should().Be(ContributionStatus.Accepted);
        return id;
    }

    /// <summary>
    /// Ada (the founder, sole treasurer) plus Bob and Cem under Slicing Pie at 40/hour (80 points an hour); each has
    /// the same accepted work, so equal shares.
    /// </summary>
    public static async Task<(FoundedNetwork Network, Member Bob, Member Cem)> ThreeEqualMembers(this ApiClient api,
        string hours = "10")
    {
        var network = await api.Found();
        await api.Adopt(network, Valuations.SlicingPieAt40());
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");
        var cem = await api.Admit(network, "Cem", "labour", "contributor", "reviewer");
        await api.Earn(network, network.Token, bob.Token, hours);
        await api.Earn(network, bob.Token, network.Token, hours);
        await api.Earn(network, cem.Token, network.Token, hours);
        return (network, bob, cem);
    }

    /// <summary>
    /// A cooling-off of 0 hours: tests that admit a second treasurer and propose at once (the clock stands still)
    /// would otherwise have the founder's admission of that treasurer count against their approval.
    /// </summary>
    public static async Task WithoutCoolingOff(this ApiClient api, FoundedNetwork network)
    {
        var set = await api.Post<TreasuryPolicyResponse>(network.Url("/treasury-policy"), new { coolingOffHours = 0 },
            network.Token);
        set.Expect(200).CoolingOffHours.Should().Be(0);
    }

    public static Task<Reply<DistributionResponse>> Propose(
        this ApiClient api, FoundedNetwork network, string amount, string policy = "pro-rata", Guid? projectId = null,
            string? token = null,
        IDictionary<string, string>? headers = null, int? windowDays = null) =>
        api.Post<DistributionResponse>(network.Url("/distributions"), new { amount = Eur(amount), policy, projectId,
            asOf = (string?)null, windowDays }, token ?? network.Token, headers);

    public static async Task<DistributionResponse> Proposed(
        this ApiClient api, FoundedNetwork network, string amount, string policy = "pro-rata", Guid? projectId = null,
            int? windowDays = null) =>
        (await api.Propose(network, amount, policy, projectId, windowDays: windowDays)).Expect(201);

    public static async Task<PayoutsResponse> Paid(this ApiClient api, FoundedNetwork network, Guid distributionId,
        string? token = null) =>
        (await api.Post<PayoutsResponse>(network.Url($"/distributions/{distributionId}/payouts"), new { },
            token ?? network.Token)).Expect(200);

    public static async Task<LedgerResponse> Ledger(this ApiClient api, FoundedNetwork network) =>
        (await api.Get<LedgerResponse>(network.Url("/ledger"), network.Token)).Expect(200);

    /// <summary>Line amounts by member name, in line order.</summary>
    public static IEnumerable<(string Name, string Amount)> Lines(this DistributionResponse distribution) =>
        distribution.Lines.Select(l => (l.Name, l.Amount.Amount));

    /// <summary>Line amounts by member name, in line order.</summary>
    public static IEnumerable<(string Name, string Amount)> Lines(this DistributionPreviewResponse preview) =>
        preview.Lines.Select(l => (l.Name, l.Amount.Amount));
}
