using OpenValue.Api.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contributions;

/// <summary>Isolation: every contribution route refuses strangers, and ids never cross networks.</summary>
[Collection(AppCollection.Name)]
public class contributions_across_networks(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Theory]
    [InlineData("POST", "/contributions")]
    [InlineData("GET", "/contributions")]
    [InlineData("GET", "/contributions/{c}")]
    [InlineData("PUT", "/contributions/{c}")]
    [InlineData("POST", "/contributions/{c}/withdrawal")]
    [InlineData("POST", "/contributions/{c}/reviews")]
    [InlineData("GET", "/review-queue")]
    [InlineData("POST", "/projects")]
    [InlineData("GET", "/projects")]
    [InlineData("POST", "/review-policy")]
    [InlineData("GET", "/review-policy")]
    public async Task no_token_is_401(string method, string route)
    {
        var network = await api.Found();
        var id = await api.Submit(network, network.Token);
        var body = method == "GET" ? null : Claims.Work();
        (await api.Send(new HttpMethod(method), network.Url(route.Replace("{c}", id.ToString())), body)).ShouldBeProblem(401, code: "unauthenticated");
        (await app.Events(network.NetworkId, id)).Should().ContainSingle();
    }

    [Fact]
    public async Task a_member_of_another_network_gets_404_on_every_contribution_route_and_changes_nothing()
    {
        var network = await api.Found("Target");
        var outsider = await api.Found("Outsider");
        var id = await api.Submit(network, network.Token);
        var before = await app.EventCount(network.NetworkId);
        var claim = Claims.Work();

        var calls = new[]
        {
            api.Post(network.Url("/contributions"), claim, outsider.Token),
            api.Get(network.Url("/contributions"), outsider.Token),
            api.Get(network.Url($"/contributions/{id}"), outsider.Token),
            api.Send(HttpMethod.Put, network.Url($"/contributions/{id}"), claim, outsider.Token),
            api.Post(network.Url($"/contributions/{id}/withdrawal"), null, outsider.Token),
            api.Post(network.Url($"/contributions/{id}/reviews"), new { verdict = "approve", expectedVersion = 0 },
                outsider.Token),
            api.Get(network.Url("/review-queue"), outsider.Token),
            api.Post(network.Url("/projects"), new { name = "Mine" }, outsider.Token),
            api.Get(network.Url("/projects"), outsider.Token),
            api.Post(network.Url("/review-policy"), new { approvalsRequired = 5 }, outsider.Token),
        };
        foreach (var call in calls)
            (await call).ShouldBeProblem(404, code: "network-not-found");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_contribution_cannot_be_read_through_another_networks_route()
    {
        var network = await api.Found("Target");
        var outsider = await api.Found("Outsider");
        var id = await api.Submit(network, network.Token);
        (await api.Get(outsider.Url($"/contributions/{id}"), outsider.Token)).ShouldBeProblem(404, code: "contribution-not-found");
        (await api.Review(outsider, id, outsider.Token)).ShouldBeProblem(404, code: "contribution-not-found");
        (await api.Get<ContributionPage>(outsider.Url("/contributions"), outsider.Token)).Expect(200).TotalCount
            .Should().Be(0);
    }

    [Fact]
    public async Task the_same_client_chosen_id_in_two_networks_names_two_separate_contributions()
    {
        var network = await api.Found("Target");
        var outsider = await api.Found("Outsider");
        var chosen = Guid.CreateVersion7();
        await api.Submit(network, network.Token, Claims.Work().With("id", chosen.ToString()));
        await api.Submit(outsider, outsider.Token, Claims.Work("1").With("id", chosen.ToString()));
        (await api.Get<ContributionResponse>(network.Url($"/contributions/{chosen}"), network.Token)).Expect(200)
            .Quantity.Should().Be("12.5");
        (await api.Get<ContributionResponse>(outsider.Url($"/contributions/{chosen}"), outsider.Token)).Expect(200)
            .Quantity.Should().Be("1");
    }
}
