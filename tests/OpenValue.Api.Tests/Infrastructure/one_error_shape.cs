using OpenValue.Api.Tests.Contributions;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// Every refusal is application/problem+json with a code, including those the framework gives before an
/// endpoint runs: no route, a method the route does not take, a body that is not JSON of the request's shape,
/// a path id that cannot be an id. A JSON value of the wrong type names its field and says what it must be.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class one_error_shape(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task an_unknown_route_is_a_404_problem()
    {
        (await api.Get("/no-such-route")).ShouldBeProblem(404, code: "route-not-found");
        var network = await api.Found();
        (await api.Get(network.Url("/no-such-thing"), network.Token)).ShouldBeProblem(404, code: "route-not-found");
    }

    [Fact]
    public async Task a_method_the_route_does_not_take_is_a_405_problem_listing_the_allowed_ones()
    {
        var network = await api.Found();
        var result = await api.Send(HttpMethod.Delete, network.Url("/members"), null, network.Token);
        result.ShouldBeProblem(405, code: "method-not-allowed");
        result.Response.Content.Headers.Allow.Should().BeEquivalentTo(["GET", "POST"]);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_415_problem()
    {
        var network = await api.Found();
        (await api.Send(HttpMethod.Post, network.Url("/projects"), "name=Frame", network.Token,
            contentType: "text/plain"))
            .ShouldBeProblem(415, code: "unsupported-media-type");
    }

    [Theory]
    [InlineData("/contributions/not-a-uuid", "contributionId")]
    [InlineData("/members/42/share", "memberId")]
    [InlineData("/value-equations/two", "version")]
    [InlineData("/value-equations/0", "version")]
    public async Task a_path_id_that_cannot_be_an_id_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var network = await api.Found();
        (await api.Get(network.Url(path), network.Token)).ShouldBeProblem(400, field: parameter, code: "invalid-"
            + parameter);
    }

    [Theory]
    [InlineData("""{"kind":"work","quantity":12.5}""", "/contributions", "quantity", "exact decimals travel as JSON strings")]
    [InlineData("""{"name":"Bob","roles":[1],"stakeholderClass":"labour"}""", "/members", "roles[0]", "must be a string")]
    [InlineData("""{"preset":"slicing-pie","halfLifeDays":"ten"}""", "/value-equations", "halfLifeDays", "must be a whole number")]
    [InlineData("""{"preset":"slicing-pie","rules":{"work":{"rate":50}}}""", "/value-equations", "rules.work.rate", "exact decimals")]
    [InlineData("""{"name":"Bob","roles":"steward","stakeholderClass":"labour"}""", "/members", "roles", "must be an array")]
    [InlineData("""{"amount":"5.00","policy":"pro-rata"}""", "/distributions", "amount", "must be an object")]
    public async Task a_json_value_of_the_wrong_type_names_its_field_and_what_it_must_be(string body, string path,
        string field, string says)
    {
        var network = await api.Found();
        var before = await app.EventCount(network.NetworkId);
        var result = await api.Post(network.Url(path), body, network.Token);
        var detail = result.ShouldBeProblem(400, field: field).Detail;
        detail.Should().Contain($"'{field}'").And.Contain(says).And.NotContain("System.").And.NotContain("OpenValue.");
        (await app.EventCount(network.NetworkId)).Should().Be(before, "a refused request appends nothing");
    }

    [Fact]
    public async Task a_body_that_is_not_json_at_all_is_a_400_problem_without_type_names()
    {
        var network = await api.Found();
        var result = await api.Post(network.Url("/projects"), """{"name":""", network.Token);
        var problem = result.ShouldBeProblem(400);
        problem.Code.Should().StartWith("invalid-");
        problem.Detail.Should().NotBeNull().And.NotContain("System.").And.NotContain("OpenValue.");
    }
}
