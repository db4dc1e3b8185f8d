using NodaTime;
using OpenValue.Api.Governance;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Governance;

/// <summary>Every refusal of the proposal routes is a problem and appends nothing; other networks' ids are
/// 404.</summary>
[Collection(AppCollection.Name)]
public class proposal_refusals(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private object Body(string kind = "value-equation", object? change = null, int days = 5,
        string? decisionType = null,
        string title = "Rates") => new
    {
        title, kind, change = change ?? new { preset = "slicing-pie" }, decisionType,
        closesAt = app.In(Duration.FromDays(days)),
    };

    [Fact]
    public async Task bad_proposals_are_problems_naming_the_field_and_append_nothing()
    {
        var n = await api.Found();
        var count = await app.EventCount(n.NetworkId);
        (await api.Post(Proposals.Url(n), Body(title: " "), n.Token)).ShouldBeProblem(400, "title", "invalid-title");
        (await api.Post(Proposals.Url(n), Body(kind: "rates"), n.Token)).ShouldBeProblem(400, "kind", "invalid-kind");
        (await api.Post(Proposals.Url(n), Body(change: new { preset = "slicing-pie",
            rules = new { work = new { rate = "0" } } }),
            n.Token)).ShouldBeProblem(400, "change.rules.work.rate");
        (await api.Post(Proposals.Url(n), Body("review-policy", new { approvalsRequired = 2, text = "x" }, 3), n.Token))
            .ShouldBeProblem(400, "change.text");
        (await api.Post(Proposals.Url(n), Body("review-policy", new { approvalsRequired = 1 }, 3), n.Token))
            .ShouldBeProblem(400, "change", "invalid-change");
        // A significant decision stays open at least 5 days.
        (await api.Post(Proposals.Url(n), Body(days: 4), n.Token)).ShouldBeProblem(400, "closesAt", "invalid-closesAt");
        (await api.Post(Proposals.Url(n), Body(decisionType: "emergency"), n.Token))
            .ShouldBeProblem(409, code: "decision-type-not-allowed");
        (await api.Post(Proposals.Url(n), Body(decisionType: "unanimous"), n.Token)).ShouldBeProblem(400,
            "decisionType");
        (await app.EventCount(n.NetworkId)).Should().Be(count);
    }

    [Fact]
    public async Task bad_positions_are_problems_and_append_nothing()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var p = await api.Propose(n, n.Token, Body());
        var count = await app.EventCount(n.NetworkId);
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "block" }, bob.Token))
            .ShouldBeProblem(400, "reason", "invalid-reason");
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "disagree", reason = "" }, bob.Token))
            .ShouldBeProblem(400, "reason", "invalid-reason");
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "maybe" }, bob.Token))
            .ShouldBeProblem(400, "position", "invalid-position");
        (await api.Post(Proposals.Url(n, $"/{Guid.NewGuid()}/positions"), new { position = "agree" }, bob.Token))
            .ShouldBeProblem(404, code: "proposal-not-found");
        (await app.EventCount(n.NetworkId)).Should().Be(count);
    }

    [Fact]
    public async Task another_networks_proposal_is_not_found_and_its_token_opens_nothing_here()
    {
        var n = await api.Found();
        var other = await api.Found("Other Makers");
        var p = await api.Propose(n, n.Token, Body());
        var count = await app.EventCount(n.NetworkId);
        // Other's token on other's network, naming n's proposal: 404.
        (await api.Get(Proposals.Url(other, $"/{p}"), other.Token)).ShouldBeProblem(404, code: "proposal-not-found");
        (await api.Post(Proposals.Url(other, $"/{p}/positions"), new { position = "agree" }, other.Token))
            .ShouldBeProblem(404, code: "proposal-not-found");
        (await api.Post(Proposals.Url(other, $"/{p}/withdrawal"), new { }, other.Token))
            .ShouldBeProblem(404, code: "proposal-not-found");
        // Other's token on n's network: 404 for every route.
        (await api.Get(Proposals.Url(n, $"/{p}"), other.Token)).ShouldBeProblem(404);
        (await api.Get(Proposals.Url(n), other.Token)).ShouldBeProblem(404);
        (await api.Post(Proposals.Url(n), Body(), other.Token)).ShouldBeProblem(404);
        (await api.Post(Proposals.Url(n, $"/{p}/positions"), new { position = "agree" },
            other.Token)).ShouldBeProblem(404);
        (await api.Get($"/networks/{n.NetworkId}/governance-policy", other.Token)).ShouldBeProblem(404);
        (await api.Post($"/networks/{n.NetworkId}/governance-policy", new { }, other.Token)).ShouldBeProblem(404);
        (await api.Get(Proposals.Url(n), null)).ShouldBeProblem(401);
        (await app.EventCount(n.NetworkId)).Should().Be(count);
        (await api.Get<ProposalPage>(Proposals.Url(other), other.Token)).Expect(200).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task a_client_chosen_id_is_used_once()
    {
        var n = await api.Found();
        var id = Guid.NewGuid();
        var body = new
        {
            id, title = "Mondays", kind = "decision", change = new { text = "Mondays" },
                closesAt = app.In(Duration.FromDays(3)),
        };
        (await api.Propose(n, n.Token, body)).Should().Be(id);
        (await api.Post(Proposals.Url(n), body, n.Token)).ShouldBeProblem(409);
    }
}
