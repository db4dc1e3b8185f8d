using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Tests.Treasury;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// What an attacker sends: null, array and string bodies on every route that takes one, other scripts' digits,
/// amounts past every bound, text that hides what it holds, impossible dates. Every answer is a 4xx problem
/// with a code, and nothing is appended.
/// </summary>
[Collection(AppCollection.Name)]
public class hostile_input(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Theory]
    [InlineData("null")]
    [InlineData("  null  ")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("{\"name\":")]
    public async Task a_body_that_is_not_an_object_is_400_on_every_route_and_appends_nothing(string body)
    {
        var n = await api.Found();
        var routes = BodyRoutes.Of(app);
        routes.Count.Should().BeGreaterThan(10);
        var before = await app.EventCount(n.NetworkId);
        var streamsBefore = await app.Scalar<long>("select count(*) from openvalue.mt_streams");
        foreach (var (method, template, _) in routes)
        {
            var url = BodyRoutes.Url(template, new Dictionary<string,
                string> { ["{networkId}"] = n.NetworkId.ToString() });
            var result = await api.Send(new HttpMethod(method), url, body, n.Token);
            result.Status.Should().BeInRange(400, 499,
                $"{method} {template} with body {body}: {result.Body?.ToJsonString()}");
            var problem = result.ShouldBeProblem(result.Status);
            problem.Code.Should().NotBeNullOrEmpty($"{method} {template}: {result.Body?.ToJsonString()}");
        }
        (await app.EventCount(n.NetworkId)).Should().Be(before);
        (await app.Scalar<long>("select count(*) from openvalue.mt_streams")).Should().Be(streamsBefore);
    }

    [Fact]
    public async Task digits_of_other_scripts_are_400_naming_the_field()
    {
        var n = await api.Found();
        await api.Adopt(n, Valuations.SlicingPieAt40());
        var before = await app.EventCount(n.NetworkId);

        (await api.Post(n.Url("/income"), Treasury.Treasury.Income("١٠٠"), n.Token)).ShouldBeProblem(400,
            field: "amount.amount");
        (await api.Post(n.Url("/contributions"), Claims.Work("١٠"), n.Token)).ShouldBeProblem(400, field: "quantity");
        (await api.Post(n.Url("/value-equations"), new { rules = new { work = new { unit = "hour", rate = "٥٠",
            multiplier = "2" } } }, n.Token))
            .ShouldBeProblem(400, field: "rules.work.rate");
        (await api.Propose(n, "１００")).ShouldBeProblem(400, field: "amount.amount");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task a_pool_refuses_income_past_its_bound_and_the_ledger_still_reads()
    {
        // Kuwaiti dinars have three decimals: the largest single amount (10^12 dinars) is 10^15 fils, and a
        // pool holds at most 10^17 fils, so exactly 100 of them fill it.
        var n = await api.Found(currency: "KWD");
        for (var i = 0; i < 100; i++)
            (await api.Post(n.Url("/income"), Treasury.Treasury.Income("1000000000000.000", currency: "KWD"), n.Token))
                .Status.Should().Be(201);
        var before = await app.EventCount(n.NetworkId);

        (await api.Post(n.Url("/income"), Treasury.Treasury.Income("0.001", currency: "KWD"), n.Token))
            .ShouldBeProblem(409, code: "pool-full");
        (await api.Post(n.Url("/income"), Treasury.Treasury.Income("1000000000000.001", currency: "KWD"), n.Token))
            .ShouldBeProblem(400, field: "amount.amount");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
        var ledger = await api.Ledger(n);
        ledger.Income.Amount.Should().Be("100000000000000.000");
        ledger.Undistributed.Amount.Should().Be("100000000000000.000");
    }

    [Fact]
    public async Task a_rate_that_would_make_claims_unvaluable_is_refused_at_adoption()
    {
        var n = await api.Found();
        var before = await app.EventCount(n.NetworkId);
        (await api.Post(n.Url("/value-equations"),
                new { rules = new { work = new { unit = "hour", rate = "1.234567890123456789012345678",
                    multiplier = "2" } } }, n.Token))
            .ShouldBeProblem(400, field: "rules.work.rate");
        (await api.Post(n.Url("/value-equations"),
                new { rules = new { work = new { unit = "hour", rate = "9999999999999999999999999999",
                    multiplier = "2" } } }, n.Token))
            .ShouldBeProblem(400, field: "rules.work.rate");
        (await api.Post(n.Url("/value-equations"), new { preset = "slicing-pie", halfLifeDays = 0 }, n.Token))
            .ShouldBeProblem(400, field: "halfLifeDays");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("founder.name")]
    public async Task founding_refuses_names_that_are_too_long_invisible_or_reordered(string field)
    {
        foreach (var bad in new[] { new string('x', 10_000), "\u200B\u2060\uFEFF", "Ada\u202Egnp.exe", "Ada\u0007" })
        {
            var name = field == "name" ? bad : "Makers";
            var founder = field == "name" ? "Ada" : bad;
            (await api.Post("/networks", new { name, currency = "EUR", founder = new { name = founder } }))
                .ShouldBeProblem(400, field: field);
        }
    }

    [Fact]
    public async Task dates_before_1900_are_refused()
    {
        var n = await api.Found();
        var before = await app.EventCount(n.NetworkId);
        (await api.Post(n.Url("/contributions"), Claims.Work().With("occurredOn", "0000-01-01"), n.Token))
            .ShouldBeProblem(400, field: "occurredOn");
        var income = new { amount = Treasury.Treasury.Eur("10.00"), source = "sale", receivedOn = "0001-01-01" };
        (await api.Post(n.Url("/income"), income, n.Token)).ShouldBeProblem(400, field: "receivedOn");
        (await api.Post(n.Url("/distributions"), new { amount = Treasury.Treasury.Eur("1.00"), policy = "pro-rata",
            asOf = "0001-01-01T00:00:00Z" }, n.Token))
            .ShouldBeProblem(400, field: "asOf");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }
}
