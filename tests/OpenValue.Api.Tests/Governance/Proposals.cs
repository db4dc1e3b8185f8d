using System.Text.Json.Nodes;
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
        var (status, created, _) = await api.Post(Url(n), body, token);
        status.Should().Be(201, created?.ToJsonString());
        return Guid.Parse(created!["proposalId"]!.GetValue<string>());
    }

    public static async Task<JsonNode> State(this ApiClient api, FoundedNetwork n, Guid proposal, string token,
        string position, string? reason = null)
    {
        var (status, body, _) = await api.Post(Url(n, $"/{proposal}/positions"), new { position, reason }, token);
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    public static async Task<JsonNode> Proposal(this ApiClient api, FoundedNetwork n, Guid proposal, string token)
    {
        var (status, body, _) = await api.Get(Url(n, $"/{proposal}"), token);
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    /// <summary>What the scheduled message does at the deadline, delivered now (the test host's clock is
    /// fake).</summary>
    public static async Task DeliverClose(this AppFixture app, FoundedNetwork n, Guid proposal)
    {
        using var scope = app.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new CloseProposal(n.NetworkId,
            proposal));
    }

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>The counts as "eligible/stated/agree/abstain/disagree/block".</summary>
    public static string Counts(this JsonNode proposal)
    {
        var c = proposal["counts"]!;
        return string.Join('/', new[] { "eligible", "stated", "agree", "abstain", "disagree", "block" }
            .Select(k => c[k]!.GetValue<int>()));
    }
}
