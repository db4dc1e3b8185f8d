using Microsoft.Extensions.Logging;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// Refusals and lost races are expected: nothing is logged at Warning or above for them, and no token is ever logged.
/// </summary>
[Collection(AppCollection.Name)]
public class what_reaches_the_log(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task a_lost_payout_race_and_refused_requests_log_no_warning_and_no_token()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        var id = (await api.Proposed(network, "100.00")).DistributionId;
        var from = app.Logs.Count;

        var races = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => api.Post(network.Url($"/distributions/{id}/payouts"), new { }, network.Token)));
        races.Select(r => r.Status).Should().OnlyContain(s => s == 200 || s == 409);
        (await api.Post(network.Url("/income"), Treasury.Treasury.Income("-1.00"), network.Token)).Status.Should()
            .Be(400);
        (await api.Post(network.Url("/income"), Treasury.Treasury.Income("1.00"), bob.Token)).Status.Should().Be(403);
        (await api.Get(network.Url("/members"), "ov_not-a-token")).Status.Should().Be(401);
        (await api.Post(network.Url("/members"), "null", network.Token)).Status.Should().Be(400);

        var lines = app.Logs.Lines.Skip(from).ToList();
        lines.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Level} {l.Category}: {l.Message}").Should()
            .BeEmpty();
        foreach (var token in new[] { network.Token, bob.Token, cem.Token, "ov_not-a-token" })
            app.Logs.Lines.Should().NotContain(l => l.Message.Contains(token), "no log line may hold a token");
    }
}
