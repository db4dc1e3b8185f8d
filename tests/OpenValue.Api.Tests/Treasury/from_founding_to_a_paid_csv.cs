using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class from_founding_to_a_paid_csv(AppFixture app)
{
    private readonly ApiClient api = new(app);

    /// <summary>
    /// Slicing Pie at 40/hour: work is 80 points an hour, cash 4 points a euro. Ada 12.5 h = 1000 points, Bob
    /// 2.5 h = 200, Cem 100.00 EUR cash = 400; 1600 in all: shares 0.625, 0.125, 0.25. 100.01 EUR pro-rata is
    /// 6250.625, 1250.125 and 2500.25 cents: floors 6250 + 1250 + 2500 = 10000, and the one cent left goes
    /// to the largest remainder (.625, Ada): 62.51, 12.50, 25.00.
    /// </summary>
    [Fact]
    public async Task found_admit_contribute_review_income_distribute_approve_pay_export_reverse()
    {
        const string ada = "Ada \"the Countess\", Lovelace";
        var network = await api.Found(founder: ada);
        await api.Adopt(network, Valuations.SlicingPieAt40());
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer", "treasurer");
        await api.WithoutCoolingOff(network);
        var cem = await api.Admit(network, "Cem", "investor", "contributor");
        await api.Earn(network, network.Token, bob.Token, "12.5");
        await api.Earn(network, bob.Token, network.Token, "2.5");
        await api.Accepted(network, cem.Token, network.Token, Valuations.Cash("100.00"));

        var income = await api.Post<IncomeRecordedResponse>(network.Url("/income"),
            Treasury.Income("150.00", source: "licence-fee"), network.Token);
        income.Expect(201);

        var distribution = await api.Proposed(network, "100.01");
        var id = distribution.DistributionId;
        distribution.Status.Should().Be(DistributionStatus.Proposed, "two treasurers: four eyes");
        distribution.TotalPoints.Should().Be("1600");
        var lines = distribution.Lines.ToDictionary(l => l.Name);
        lines.Select(l => (l.Key, l.Value.Amount.Amount, l.Value.Points))
            .Should().BeEquivalentTo([(ada, "62.51", "1000"), ("Bob", "12.50", "200"), ("Cem", "25.00", "400")]);
        lines[ada].Explanation.Should().Be("pro-rata: 62.5% share (1000 points) of 100.01 EUR");
        distribution.Shares.Select(s => s.Share).Should().BeEquivalentTo(["0.625", "0.125", "0.25"]);

        (await api.Post(network.Url($"/distributions/{id}/approval"), new { }, network.Token)).ShouldBeProblem(403,
            code: "self-approval");
        (await api.Post(network.Url($"/distributions/{id}/approval"), new { }, bob.Token)).Status.Should().Be(200);
        var payouts = (await api.Paid(network, id)).Payouts;
        payouts.Select(p => p.Amount.Amount).Should().BeEquivalentTo(["62.51", "12.50", "25.00"]);

        var ledger = await api.Ledger(network);
        (ledger.Income.Amount, ledger.Reserved.Amount, ledger.Distributed.Amount,
            ledger.Undistributed.Amount)
            .Should().Be(("150.00", "0.00", "100.01", "49.99"));
        ledger.Members.Select(m => (m.Name, m.Paid.Amount))
            .Should().BeEquivalentTo([(ada, "62.51"), ("Bob", "12.50"), ("Cem", "25.00")]);

        var (csvStatus, csv, response) = await Csv(network, id);
        csvStatus.Should().Be(200);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var head = distribution.ChainHead!;
        var expected = "memberId,name,amount,currency,reference,chainSequence,chainHead,iban,bic,accountReference," +
            "payoutDetails\r\n" + string.Concat(payouts.Select(p =>
        {
            var name = p.Name == ada ? "\"Ada \"\"the Countess\"\", Lovelace\"" : p.Name;
            // Nobody here set payout details: every line is marked missing.
            return $"{p.MemberId},{name},{p.Amount.Amount},EUR,{p.Reference},{head.Sequence},{head.Hash}" +
                ",,,,missing\r\n";
        }));
        csv.Should().Be(expected);
        csv.Should().Contain($"{network.MemberId},\"Ada \"\"the Countess\"\", Lovelace\",62.51,EUR,OV-");

        var bobsPayout = payouts.Single(p => p.Name == "Bob").PayoutId;
        (await api.Post(network.Url($"/payouts/{bobsPayout}/reversal"), new { reason = "bank returned it" },
            network.Token)).Status.Should().Be(200);
        ledger = await api.Ledger(network);
        (ledger.Paid.Amount, ledger.Reversed.Amount, ledger.Distributed.Amount, ledger.Undistributed.Amount)
            .Should().Be(("100.01", "12.50", "87.51", "62.49"));
        ledger.Members.Select(m => (m.Name, m.Paid.Amount))
            .Should().BeEquivalentTo([(ada, "62.51"), ("Bob", "0.00"), ("Cem", "25.00")]);
        (await Csv(network, id)).Text.Should().NotContain("Bob").And.Contain("Cem,25.00,EUR");
    }

    private async Task<(int Status, string Text, HttpResponseMessage Response)> Csv(FoundedNetwork network, Guid id)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, network.Url($"/distributions/{id}/payouts.csv"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", network.Token);
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
