using OpenValue.Api.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class submitting_a_contribution(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_contributor_submits_a_claim_that_members_can_read()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token, Claims.Work().With("kind", "cash").With("unit", "EUR").With("quantity", "1000.50"));

        var body = (await api.Get<ContributionResponse>(network.Url($"/contributions/{id}"), bob.Token)).Expect(200);
        body.ContributionId.Should().Be(id);
        body.MemberId.Should().Be(bob.MemberId);
        body.Quantity.Should().Be("1000.50");
        body.Unit.Should().Be("EUR");
        body.OccurredOn.Should().Be(new NodaTime.LocalDate(2026, 11, 20));
        body.Status.Should().Be(ContributionStatus.Submitted);
        body.EquationVersion.Should().BeNull();
        body.Reviews.Should().BeEmpty();
        (await app.Events(network.NetworkId, id)).Single().Data.Should().BeOfType<ContributionSubmitted>().Which.Quantity.Should().Be(1000.50m);
    }

    [Fact]
    public async Task a_retry_with_the_same_id_returns_the_first_result_and_another_body_is_a_conflict()
    {
        var network = await api.Found();
        var chosen = Guid.CreateVersion7();
        var claim = Claims.Work().With("id", chosen.ToString());

        var first = await api.Post(network.Url("/contributions"), claim, network.Token);
        var retry = await api.Post(network.Url("/contributions"), claim, network.Token);
        first.Status.Should().Be(201);
        retry.Status.Should().Be(201);
        retry.Body!.ToJsonString().Should().Be(first.Body!.ToJsonString()).And.Contain(chosen.ToString());

        (await api.Post(network.Url("/contributions"), claim.With("quantity", "13"), network.Token)).ShouldBeProblem(409, code: "contribution-exists");
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        (await api.Post(network.Url("/contributions"), claim, bob.Token)).ShouldBeProblem(409, code: "contribution-exists");
        (await app.Events(network.NetworkId, chosen)).Should().ContainSingle();
    }

    [Fact]
    public async Task an_id_that_names_another_kind_of_stream_is_a_conflict()
    {
        var network = await api.Found();
        (await api.Post(network.Url("/contributions"), Claims.Work().With("id", network.NetworkId.ToString()), network.Token))
            .ShouldBeProblem(409, code: "contribution-exists");
        (await app.EventCount(network.NetworkId)).Should().Be(2);
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "kind", "gardening", "kind" }, { "kind", null, "kind" },
        { "unit", "day", "unit" }, { "quantity", "0", "quantity" }, { "quantity", "-3", "quantity" },
        { "quantity", "abc", "quantity" }, { "quantity", "1e3", "quantity" }, { "quantity", "1000000001", "quantity" },
        { "quantity", "1.234", "quantity" }, { "occurredOn", "2026-11-27", "occurredOn" }, { "occurredOn", "20/11/2026", "occurredOn" },
        { "description", "  ", "description" }, { "description", new string('x', 2001), "description" },
        { "evidenceUrl", "ftp://example.org/x", "evidenceUrl" }, { "evidenceUrl", "/relative", "evidenceUrl" },
        { "projectId", Guid.NewGuid().ToString(), "projectId" }, { "id", "not-a-uuid", "id" },
    };

    [Theory, MemberData(nameof(BadFields))]
    public async Task bad_input_is_a_problem_naming_the_field_and_appends_nothing(string field, object? value, string named)
    {
        var network = await api.Found();
        (await api.Post(network.Url("/contributions"), Claims.Work().With(field, value), network.Token)).ShouldBeProblem(400, named);
        (await app.EventCount(network.NetworkId)).Should().Be(2);
    }

    [Theory]
    [InlineData("EUR", "10.001", "quantity")]
    [InlineData("USD", "10.00", "unit")]
    [InlineData("JPY", "10.5", "quantity")]
    public async Task money_must_be_in_the_network_currency_with_no_extra_decimals(string unit, string quantity, string field)
    {
        var network = await api.Found(currency: unit == "JPY" ? "JPY" : "EUR");
        var claim = Claims.Work().With("kind", "expense").With("unit", unit).With("quantity", quantity);
        (await api.Post(network.Url("/contributions"), claim, network.Token)).ShouldBeProblem(400, field);
        (await app.EventCount(network.NetworkId)).Should().Be(2);
    }

    [Fact]
    public async Task a_claim_may_have_happened_today_by_the_server_clock()
    {
        var network = await api.Found();
        (await api.Post(network.Url("/contributions"), Claims.Work().With("occurredOn", "2026-11-26"), network.Token)).Status.Should().Be(201);
    }

    [Fact]
    public async Task a_member_without_the_contributor_role_gets_403()
    {
        var network = await api.Found();
        var cy = await api.Admit(network, "Cy", "labour", "reviewer");
        (await api.Post(network.Url("/contributions"), Claims.Work(), cy.Token)).ShouldBeProblem(403, code: "role-required");
        (await app.EventCount(network.NetworkId)).Should().Be(3);
    }
}
