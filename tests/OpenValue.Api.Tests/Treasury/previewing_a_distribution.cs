using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>
/// A preview runs the proposal's own decision and keeps nothing: its lines are the ones a proposal then gets, and
/// the pool still holds the whole amount.
/// </summary>
[Collection(AppCollection.Name)]
public class previewing_a_distribution(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static object Body(string amount, string policy = "pro-rata") =>
        new { amount = Treasury.Eur(amount), policy };

    [Fact]
    public async Task the_preview_shows_the_lines_and_the_rounding_and_reserves_nothing()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");

        var (status, preview, _) = await api.Post(network.Url("/distributions/preview"), Body("100.00"), network.Token);
        status.Should().Be(200, preview?.ToJsonString());
        preview!.Lines().Select(l => l.Amount).Should().Equal("33.34", "33.33", "33.33");
        var first = preview!["lines"]![0]!;
        first!["share"]!.GetValue<string>().Should().Be("0.3333333333333333333333333334");
        first["unrounded"]!.GetValue<string>().Should().StartWith("33.3333333333");
        first["rounding"]!.GetValue<string>().Should().StartWith("0.0066666666");
        preview["lines"]![1]!["rounding"]!.GetValue<string>().Should().StartWith("-0.0033333333");
        preview.Amount("undistributed").Should().Be("100.00");
        preview["totalPoints"]!.GetValue<string>().Should().Be("2400");

        var ledger = await api.Ledger(network);
        (ledger.Amount("reserved"), ledger.Amount("undistributed")).Should().Be(("0.00", "100.00"));
        var (_, list, _) = await api.Get(network.Url("/distributions"), network.Token);
        list!["totalCount"]!.GetValue<long>().Should().Be(0);

        var proposed = await api.Proposed(network, "100.00");
        proposed.Lines().Should().Equal(preview.Lines());
    }

    [Fact]
    public async Task a_preview_is_refused_as_the_proposal_would_be()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        var url = network.Url("/distributions/preview");
        (await api.Post(url, Body("10.00"), bob.Token)).Status.Should().Be(403);
        var (status, problem, _) = await api.Post(url, Body("10.001"), network.Token);
        (status, problem!["field"]!.GetValue<string>()).Should().Be((400, "amount.amount"));
        (status, problem, _) = await api.Post(url, Body("10.01"), network.Token);
        (status, problem!["code"]!.GetValue<string>()).Should().Be((409, "insufficient-funds"));
    }
}
