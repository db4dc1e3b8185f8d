using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Valuation;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Api.Tests.Valuation;

[Collection(AppCollection.Name)]
public class adopting_value_equations(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task Versions_count_up_and_each_round_trips_through_the_event_store_exactly()
    {
        var n = await api.Found();
        var frame = await api.OpenProject(n, "Frame");
        (await api.Adopt(n, new { preset = "hours-only" })).Should().Be(1);
        var version = await api.Adopt(n, new
        {
            preset = "slicing-pie", rules = new { work = new { rate = "42.125" } }, halfLifeDays = 365,
            classWeights = new { labour = "0.35", user = "0.35", investor = "0.30" },
            projectOverrides = new Dictionary<string, object> { [frame.ToString()] = new { work = new { multiplier = "2.5" } } },
        });
        version.Should().Be(2);

        var adopted = (await app.Events(n.NetworkId, n.NetworkId)).Select(e => e.Data).OfType<ValueEquationAdopted>().Last();
        adopted.Should().BeEquivalentTo(new
        {
            NetworkId = n.NetworkId, Version = 2, HalfLifeDays = (int?)365, AdoptedBy = n.MemberId, AdoptedAt = AppFixture.Start,
            ClassWeights = new[] { new ClassWeight(StakeholderClass.Labour, 0.35m), new ClassWeight(StakeholderClass.User, 0.35m), new ClassWeight(StakeholderClass.Investor, 0.30m) },
            ProjectOverrides = new[] { new ProjectValueRules(frame, [new ValueRule("work", ValueUnit.Hour, 42.125m, 2.5m)]) },
        });
        adopted.Rules.Should().ContainEquivalentOf(new ValueRule("work", ValueUnit.Hour, 42.125m, 2m));
        adopted.Rules.Should().ContainEquivalentOf(new ValueRule("design", ValueUnit.Point, 1m, 2m));
        adopted.Rules.Select(r => r.Kind).Should().HaveCount(8);

        var current = (await api.Get<ValueEquationResponse>(n.Url("/value-equations/current"), n.Token)).Expect(200);
        current.Version.Should().Be(2);
        current.Rules["work"].Should().Be(new KindRuleResponse("hour", "42.125", "2"));
        current.ClassWeights!["investor"].Should().Be("0.3");
        current.ProjectOverrides[frame]["work"].Multiplier.Should().Be("2.5");
        (await api.Get<ValueEquationsResponse>(n.Url("/value-equations"), n.Token)).Expect(200).Versions
            .Select(v => v.Version).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_retried_adoption_with_the_same_key_adopts_once()
    {
        var n = await api.Found();
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "adopt-hours" };
        var first = await api.Post<ValueEquationAdoptedResponse>(n.Url("/value-equations"),
            new { preset = "hours-only" }, n.Token, key);
        var retry = await api.Post<ValueEquationAdoptedResponse>(n.Url("/value-equations"),
            new { preset = "hours-only" }, n.Token, key);
        (first.Status, retry.Status).Should().Be((201, 201));
        retry.Body!.Version.Should().Be(1);
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await app.Events(n.NetworkId, n.NetworkId)).Select(e => e.Data).OfType<ValueEquationAdopted>().Should().ContainSingle();
    }

    [Fact]
    public async Task The_openapi_document_lists_the_valuation_and_share_routes()
    {
        var (_, body, _) = await api.Get("/openapi/v1.json");
        body!["paths"]!.AsObject().Select(p => p.Key).Should().Contain([
            "/networks/{networkId}/value-equations", "/networks/{networkId}/value-equations/current",
            "/networks/{networkId}/value-equations/simulate", "/networks/{networkId}/value-equations/{version}/revaluation",
            "/networks/{networkId}/shares", "/networks/{networkId}/members/{memberId}/share"]);
    }

    [Fact]
    public async Task Before_any_adoption_there_is_no_current_version()
    {
        var n = await api.Found();
        (await api.Get(n.Url("/value-equations/current"), n.Token)).ShouldBeProblem(404, code: "no-value-equation");
    }

    [Fact]
    public async Task Only_a_steward_adopts()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer", "treasurer");
        (await api.Post(n.Url("/value-equations"), new { preset = "hours-only" }, bob.Token)).ShouldBeProblem(403, code: "role-required");
        (await app.Events(n.NetworkId, n.NetworkId)).Select(e => e.Data).OfType<ValueEquationAdopted>().Should().BeEmpty();
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { """{"rules":{"work":{"unit":"hour","rate":"0","multiplier":"2"}}}""", "rules.work.rate" },
        { """{"rules":{"work":{"unit":"hour","rate":"-5","multiplier":"2"}}}""", "rules.work.rate" },
        { """{"rules":{"work":{"unit":"hour","rate":"50","multiplier":"0"}}}""", "rules.work.multiplier" },
        { """{"rules":{"work":{"unit":"hour","rate":"50","multiplier":"-1"}}}""", "rules.work.multiplier" },
        { """{"rules":{"work":{"unit":"hour","rate":"1e3","multiplier":"1"}}}""", "rules.work.rate" },
        { """{"rules":{"work":{"unit":"EUR","rate":"1","multiplier":"1"}}}""", "rules.work.unit" },
        { """{"preset":"pie"}""", "preset" },
        { """{}""", "rules" },
        { """{"preset":"hours-only","halfLifeDays":0}""", "halfLifeDays" },
        { """{"preset":"hours-only","classWeights":{"labour":"0.5","user":"0.4"}}""", "classWeights" },
        { """{"preset":"hours-only","classWeights":{"robots":"1"}}""", "classWeights.robots" },
        { """{"preset":"hours-only","projectOverrides":{"0197a000-0000-7000-8000-0000000000ff":{"work":{"rate":"2"}}}}""", "projectOverrides.0197a000-0000-7000-8000-0000000000ff" },
    };

    [Theory, MemberData(nameof(Malformed))]
    public async Task A_malformed_equation_is_400_naming_the_problem_and_appends_nothing(string body, string field)
    {
        var n = await api.Found();
        var before = await app.EventCount(n.NetworkId);
        (await api.Post(n.Url("/value-equations"), body, n.Token)).ShouldBeProblem(400, field: field);
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task A_claim_the_new_version_does_not_value_is_not_accepted_without_points()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor", "reviewer");
        var id = await api.Submit(n, bob.Token, Claims.Work());
        await api.Adopt(n, new { preset = "equal-money" });
        var before = await app.EventCount(n.NetworkId);

        (await api.Review(n, id, n.Token)).ShouldBeProblem(409, code: "kind-not-valued");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
        (await api.StatusOf(n, id)).Should().Be(ContributionStatus.Submitted);
    }

    [Fact]
    public async Task Once_adopted_claims_follow_the_equations_kinds()
    {
        var n = await api.Found();
        await api.Adopt(n, new { preset = "equal-money" });
        (await api.Post(n.Url("/contributions"), Claims.Work(), n.Token)).ShouldBeProblem(400, field: "kind");
        await api.Submit(n, n.Token, Valuations.Cash("10.00"));
    }
}
