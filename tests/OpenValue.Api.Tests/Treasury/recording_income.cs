using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
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
        var (status, body, response) = await api.Post(network.Url("/income"), Treasury.Income("10400.00", frame,
            "licence-fee"), network.Token);
        status.Should().Be(201, body?.ToJsonString());
        body!["projectId"]!.GetValue<string>().Should().Be(frame.ToString());
        await api.RecordIncome(network, "250.50");

        var poolId = DerivedIds.Pool(network.NetworkId, frame);
        body["poolId"]!.GetValue<string>().Should().Be(poolId.ToString());
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
        ledger.Amount("income").Should().Be("10650.50");
        ledger.Amount("undistributed").Should().Be("10650.50");
        ledger.Amount("distributed").Should().Be("0.00");
        var pools = ledger["pools"]!.AsArray();
        pools.Select(p => (p!["name"]!.GetValue<string>(), p.Amount("totals.income"), p.Amount("totals.undistributed")))
            .Should().Equal(("network", "250.50", "250.50"), ("Frame", "10400.00", "10400.00"));
        ledger["members"]!.AsArray().Single()!.Amount("paid").Should().Be("0.00");
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
        (await api.Ledger(network)).Amount("income").Should().Be("99.99");
    }
}

[Collection(AppCollection.Name)]
public class treasury_policy_and_contribution_keys(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task the_openapi_document_lists_the_treasury_routes()
    {
        var (status, body, _) = await api.Get("/openapi/v1.json");
        status.Should().Be(200);
        body!["paths"]!.AsObject().Select(p => p.Key).Should().Contain([
            "/networks/{networkId}/income", "/networks/{networkId}/distributions",
                "/networks/{networkId}/distributions/{distributionId}",
            "/networks/{networkId}/distributions/{distributionId}/approval",
                "/networks/{networkId}/distributions/{distributionId}/cancellation",
            "/networks/{networkId}/distributions/{distributionId}/payouts",
                "/networks/{networkId}/distributions/{distributionId}/payouts.csv",
            "/networks/{networkId}/payouts/{payoutId}/reversal", "/networks/{networkId}/ledger",
                "/networks/{networkId}/treasury-policy"]);
    }

    [Fact]
    public async Task four_eyes_defaults_to_two_treasurers_and_a_steward_changes_it()
    {
        var network = await api.Found();
        var (_, body, _) = await api.Get(network.Url("/treasury-policy"), network.Token);
        body!["fourEyes"]!.GetValue<string>().Should().Be("when-two-treasurers");
        body["secondApprovalRequired"]!.GetValue<bool>().Should().BeFalse();
        var (status, set, _) = await api.Post(network.Url("/treasury-policy"), new { fourEyes = "always" },
            network.Token);
        status.Should().Be(200, set?.ToJsonString());
        set!["secondApprovalRequired"]!.GetValue<bool>().Should().BeTrue();
        (await api.Post(network.Url("/treasury-policy"), new { fourEyes = "maybe" }, network.Token))
            .ShouldBeProblem(400, "fourEyes");
        var bob = await api.Admit(network, "Bob", "labour", "treasurer");
        (await api.Post(network.Url("/treasury-policy"), new { fourEyes = "never" }, bob.Token)).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_contribution_retried_with_its_key_is_submitted_once_and_client_ids_still_work()
    {
        var network = await api.Found();
        var url = network.Url("/contributions");
        var first = await api.Post(url, Claims.Work(), network.Token, Treasury.Key("claim-1"));
        var retry = await api.Post(url, Claims.Work(), network.Token, Treasury.Key("claim-1"));
        retry.Body!.ToJsonString().Should().Be(first.Body!.ToJsonString());
        (await api.Post(url, Claims.Work("3"), network.Token, Treasury.Key("claim-1"))).ShouldBeProblem(422,
            code: "idempotency-key-reused");

        var chosen = Guid.CreateVersion7();
        (await api.Post(url, Claims.Work().With("id", chosen.ToString()), network.Token)).Status.Should().Be(201);
        (await api.Post(url, Claims.Work().With("id", chosen.ToString()), network.Token)).Status.Should().Be(201);
        (await api.Post(url, Claims.Work().With("id", DerivedIds.Pool(network.NetworkId, null).ToString()),
            network.Token)).ShouldBeProblem(400, "id");
        (await api.Get(url, network.Token)).Body!["totalCount"]!.GetValue<long>().Should().Be(2);
    }
}
