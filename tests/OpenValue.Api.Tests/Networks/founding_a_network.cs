using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Networks;

[Collection(AppCollection.Name)]
public class founding_a_network(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task founding_returns_ids_and_a_token_that_lets_the_founder_in_with_every_role()
    {
        var network = await api.Found("Wikihouse Makers", "EUR", "Ada");
        network.Token.Should().StartWith("ov_").And.HaveLength(3 + 43, "32 random bytes in base64url");

        var members = await api.Get<MembersResponse>($"/networks/{network.NetworkId}/members", network.Token);
        var founder = members.Expect(200).Members.Single();
        founder.MemberId.Should().Be(network.MemberId);
        founder.Name.Should().Be("Ada");
        founder.StakeholderClass.Should().Be(StakeholderClass.Founder);
        founder.Roles.Should().BeEquivalentTo([Role.Contributor, Role.Reviewer, Role.Treasurer, Role.Steward]);

        var events = await app.Events(network.NetworkId, network.NetworkId);
        events.Select(e => e.Data.GetType()).Should().Equal(typeof(NetworkFounded), typeof(MemberAdmitted));
        events[0].Data.Should().Be(new NetworkFounded(network.NetworkId, "Wikihouse Makers", "EUR", network.MemberId,
            AppFixture.Start));
    }

    [Fact]
    public async Task the_network_is_described_to_its_members()
    {
        var network = await api.Found("Fab Lab", "JPY");
        var described = (await api.Get<NetworkResponse>($"/networks/{network.NetworkId}", network.Token)).Expect(200);
        described.Name.Should().Be("Fab Lab");
        described.Currency.Should().Be("JPY");
        described.MemberCount.Should().Be(1);
    }

    [Fact]
    public async Task only_a_hash_of_the_token_is_stored()
    {
        var network = await api.Found();
        await using var session = app.Store.QuerySession();
        var stored = await Marten.QueryableExtensions.ToListAsync(session.Query<OpenValue.Api.Security.AccessToken>()
            .Where(t => t.MemberId == network.MemberId));
        stored.Should().ContainSingle().Which.Id.Should().Be(OpenValue.Api.Security.AccessToken.Hash(network.Token))
            .And.NotContain(network.Token);
    }

    [Theory]
    [InlineData("""{"currency":"EUR","founder":{"name":"Ada"}}""", "name")]
    [InlineData("""{"name":"X","currency":"EURO","founder":{"name":"Ada"}}""", "currency")]
    [InlineData("""{"name":"X","currency":"EUR"}""", "founder.name")]
    [InlineData("""{"name":"X","currency":"EUR","founder":{"name":"  "}}""", "founder.name")]
    public async Task bad_input_is_a_problem_naming_the_field(string body, string field)
    {
        (await api.Post("/networks", body)).ShouldBeProblem(400, field);
    }

    [Fact]
    public async Task malformed_json_is_a_problem()
    {
        var result = await api.Post("/networks", """{"name": "X", """);
        result.ShouldBeProblem(400);
    }

    [Fact]
    public async Task health_reports_the_database()
    {
        (await api.Get<HealthResponse>("/health")).Expect(200).Database.Should().Be("reachable");
    }

    [Fact]
    public async Task the_openapi_document_lists_the_routes()
    {
        var (status, body, _) = await api.Get("/openapi/v1.json");
        status.Should().Be(200);
        body!["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/networks", "/networks/{networkId}/members",
            "/health"]);
        var created = body["paths"]!["/networks"]!["post"]!["responses"]!["201"]!.ToJsonString();
        created.Should().Contain("NetworkFoundedResponse", "the 201 body of founding is described");
    }
}
