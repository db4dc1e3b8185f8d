using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class recording_income(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task income_goes_to_the_pool_of_its_scope_and_the_ledger_shows_it()
    {
        var network = await api.Found();
        var frame = await api.OpenProject(network, "Frame");
        var body = (await api.Post<IncomeRecordedResponse>(network.Url("/income"), Treasury.Income("10400.00", frame,
            "licence-fee"), network.Token)).Expect(201);
        body.ProjectId.Should().Be(frame);
        await api.RecordIncome(network, "250.50");

        var poolId = DerivedIds.Pool(network.NetworkId, frame);
        body.PoolId.Should().Be(poolId);
        var recorded = (await app.Events(network.NetworkId, poolId)).Single().Data
            .Should().BeOfType<IncomeRecorded>().Which;
        recorded.Should().BeEquivalentTo(new
        {
            ProjectId = (Guid?)frame, AmountMinor = 1040000L, Currency = "EUR", Source = IncomeSource.LicenceFee,
            ReceivedOn = new NodaTime.LocalDate(2026, 11, 25), RecordedBy = network.MemberId,
        });
        // The note is stored sealed under the recording treasurer's key (Privacy.SealedText).
        (await Privacy.Stored.Open(app, network.NetworkId, recorded.Note!)).Should().Be("test income");

        var ledger = await api.Ledger(network);
        ledger.Income.Amount.Should().Be("10650.50");
        ledger.Undistributed.Amount.Should().Be("10650.50");
        ledger.Distributed.Amount.Should().Be("0.00");
        ledger.Pools.Select(p => (p.Name, p.Totals.Income.Amount, p.Totals.Undistributed.Amount))
            .Should().Equal(("network", "250.50", "250.50"), ("Frame", "10400.00", "10400.00"));
        ledger.Members.Single().Paid.Amount.Should().Be("0.00");
    }

    [Theory]
    [InlineData("-5.00", "EUR", "amount.amount")]
    [InlineData("5.001", "EUR", "amount.amount")]
    [InlineData("0.00", "EUR", "amount.amount")]
    [InlineData("5.00", "USD", "amount.currency")]
    public async Task bad_amounts_are_problems_that_append_nothing(string amount, string currency, string field)
    {
        var network = await api.Found();
        var before = await app.EventCount(network.NetworkId);
        (await api.Post(network.Url("/income"), Treasury.Income(amount, currency: currency), network.Token))
            .ShouldBeProblem(400, field);
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task other_bad_fields_are_named()
    {
        var network = await api.Found();
        (await api.Post(network.Url("/income"), new { amount = Treasury.Eur("1.00"), source = "gift",
            receivedOn = "2026-11-25" }, network.Token))
            .ShouldBeProblem(400, "source");
        (await api.Post(network.Url("/income"), new { amount = Treasury.Eur("1.00"), source = "sale",
            receivedOn = "2026-12-25" }, network.Token))
            .ShouldBeProblem(400, "receivedOn");
        (await api.Post(network.Url("/income"), new { amount = Treasury.Eur("1.00"), source = "sale",
            receivedOn = "2026-11-25", projectId = Guid.NewGuid() }, network.Token))
            .ShouldBeProblem(400, "projectId");
    }

    [Fact]
    public async Task only_treasurers_record_income()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer", "steward");
        (await api.Post(network.Url("/income"), Treasury.Income("1.00"), bob.Token)).ShouldBeProblem(403,
            code: "role-required");
    }

    [Fact]
    public async Task a_retried_income_with_its_key_is_recorded_once_and_another_body_is_422()
    {
        var network = await api.Found();
        var first = await api.Post(network.Url("/income"), Treasury.Income("99.99"), network.Token,
            Treasury.Key("sale-17"));
        var retry = await api.Post(network.Url("/income"), Treasury.Income("99.99"), network.Token,
            Treasury.Key("sale-17"));
        first.Status.Should().Be(201);
        retry.Body!.ToJsonString().Should().Be(first.Body!.ToJsonString());
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await api.Post(network.Url("/income"), Treasury.Income("99.98"), network.Token, Treasury.Key("sale-17")))
            .ShouldBeProblem(422, code: "idempotency-key-reused");
        (await api.Ledger(network)).Income.Amount.Should().Be("99.99");
    }
}
