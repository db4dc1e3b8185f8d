using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Treasury;

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

        var preview = (await api.Post<DistributionPreviewResponse>(network.Url("/distributions/preview"),
            Body("100.00"), network.Token)).Expect(200);
        preview.Lines().Select(l => l.Amount).Should().Equal("33.34", "33.33", "33.33");
        var first = preview.Lines[0];
        first.Share.Should().Be("0.3333333333333333333333333334");
        first.Unrounded.Should().StartWith("33.3333333333");
        first.Rounding.Should().StartWith("0.0066666666");
        preview.Lines[1].Rounding.Should().StartWith("-0.0033333333");
        preview.Undistributed.Amount.Should().Be("100.00");
        preview.TotalPoints.Should().Be("2400");

        var ledger = await api.Ledger(network);
        (ledger.Reserved.Amount, ledger.Undistributed.Amount).Should().Be(("0.00", "100.00"));
        (await api.Get<DistributionPage>(network.Url("/distributions"), network.Token)).Expect(200).TotalCount.Should()
            .Be(0);

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
        (await api.Post(url, Body("10.001"), network.Token)).ShouldBeProblem(400, field: "amount.amount");
        (await api.Post(url, Body("10.01"), network.Token)).ShouldBeProblem(409, code: "insufficient-funds");
    }
}
