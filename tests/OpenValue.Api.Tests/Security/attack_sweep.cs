using System.Reflection;
using System.Text.Json;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// Every route that takes a body, on a network with real members, claims, a project and a distribution, gets
/// bodies whose every field holds one hostile value: huge, invisible, reordered or foreign-script text, numbers
/// past every bound, the wrong JSON type. No answer is a 5xx; every refusal is a problem with a code and
/// appends nothing. (Some values are fine where a field is free text, such as a revaluation's reason.)
/// </summary>
[Collection(AppCollection.Name)]
public class attack_sweep(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static readonly object?[] Hostile =
    [
        null, "", new string('x', 10_000), "\u200B\u200D\uFEFF", "Ada\u202Egnp", "\u0000", "١٠٠", "１００", "-1",
        "99999999999999999999999999999", "1e308", "0000-01-01", "Steward", 12.5, -1, long.MaxValue, true,
        new object[] { "x" }, new { nested = "x" },
    ];

    [Fact]
    public async Task no_hostile_field_value_on_any_route_gives_a_5xx_or_an_unexplained_refusal()
    {
        var (n, bob, _) = await api.ThreeEqualMembers();
        var project = await api.OpenProject(n, "Frame");
        var claim = await api.Submit(n, bob.Token);
        await api.RecordIncome(n, "100.00");
        var distribution = (await api.Proposed(n, "10.00")).DistributionId;
        var ids = new Dictionary<string, string>
        {
            ["{networkId}"] = n.NetworkId.ToString(), ["{memberId}"] = bob.MemberId.ToString(),
                ["{projectId}"] = project.ToString(),
            ["{contributionId}"] = claim.ToString(), ["{distributionId}"] = distribution.ToString(),
                ["{version}"] = "1",
        };

        var refusals = 0;
        foreach (var (method, template, type) in BodyRoutes.Of(app))
        {
            var url = BodyRoutes.Url(template, ids);
            foreach (var value in Hostile)
            {
                var body = JsonSerializer.Serialize(Fields(type).ToDictionary(f => f, _ => value));
                var before = await app.EventCount(n.NetworkId);
                var result = await api.Send(new HttpMethod(method), url, body, n.Token);
                var what = $"{method} {template} with {body[..Math.Min(body.Length, 80)]}: {result.Body?.ToJsonString()}";
                result.Status.Should().BeLessThan(500, what);
                if (result.Status >= 400)
                {
                    result.ShouldBeProblem(result.Status).Code.Should().NotBeNullOrEmpty(what);
                    (await app.EventCount(n.NetworkId)).Should().Be(before, what);
                    refusals++;
                }
            }
        }
        refusals.Should().BeGreaterThan(250, "nearly every hostile body is refused (279 when written)");
    }

    private static IEnumerable<string> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p =>
            JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
