using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

[Collection(AppCollection.Name)]
public class reviewing_a_contribution(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task one_approval_accepts_a_claim_with_what_valuation_needs()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var id = await api.Submit(network, bob.Token);

        var reviewed = (await api.Review(network, id, network.Token)).Expect(200);
        reviewed.Status.Should().Be(ContributionStatus.Accepted);
        reviewed.Quantity.Should().Be("12.5");
        reviewed.Points.Should().BeNull();
        reviewed.Reviews.Single().Verdict.Should().Be(Verdict.Approve);

        var events = await app.Events(network.NetworkId, id);
        events.Select(e => e.Data.GetType()).Should().Equal(typeof(ContributionSubmitted), typeof(ContributionReviewed),
            typeof(ContributionAccepted));
        events[2].Data.Should().Be(new ContributionAccepted(id, bob.MemberId, null, "work", 12.5m, "hour",
            new NodaTime.LocalDate(2026, 11, 20), 1, null, null, null, AppFixture.Start));
    }
}
