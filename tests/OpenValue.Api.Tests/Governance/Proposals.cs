using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OpenValue.Api.Governance;
using OpenValue.Api.Tests.Infrastructure;
using Wolverine;

namespace OpenValue.Api.Tests.Governance;

/// <summary>Helpers for the proposal routes.</summary>
public static class Proposals
{
    public static string Url(FoundedNetwork n, string path = "") => $"/networks/{n.NetworkId}/proposals{path}";

    public static string In(this AppFixture app, Duration after) => (app.Clock.GetCurrentInstant() + after).ToString();

    public static async Task<Guid> Propose(this ApiClient api, FoundedNetwork n, string token, object body)
    {
        var created = await api.Post<ProposalCreatedResponse>(Url(n), body, token);
        return created.Expect(201).ProposalId;
    }

    public static async Task<ProposalResponse> State(this ApiClient api, FoundedNetwork n, Guid proposal,
        string token, string position, string? reason = null) =>
        (await api.Post<ProposalResponse>(Url(n, $"/{proposal}/positions"), new { position, reason }, token))
        .Expect(200);

    public static async Task<ProposalResponse> Proposal(this ApiClient api, FoundedNetwork n, Guid proposal,
        string token) =>
        (await api.Get<ProposalResponse>(Url(n, $"/{proposal}"), token)).Expect(200);

    /// <summary>What the scheduled message does at the deadline, delivered now (the test host's clock is
    /// fake).</summary>
    public static async Task DeliverClose(this AppFixture app, FoundedNetwork n, Guid proposal)
    {
        using var scope = app.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new CloseProposal(n.NetworkId,
            proposal));
    }

    /// <summary>The counts as "eligible/stated/agree/abstain/disagree/block".</summary>
    public static string Tally(this ProposalResponse proposal)
    {
        var c = proposal.Counts;
        return string.Join('/', new[] { c.Eligible, c.Stated, c.Agree, c.Abstain, c.Disagree, c.Block });
    }
}
