using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

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
        var policy = (await api.Get<TreasuryPolicyResponse>(network.Url("/treasury-policy"), network.Token))
            .Expect(200);
        policy.FourEyes.Should().Be("when-two-treasurers");
        policy.SecondApprovalRequired.Should().BeFalse();
        var set = await api.Post<TreasuryPolicyResponse>(network.Url("/treasury-policy"), new { fourEyes = "always" },
            network.Token);
        set.Expect(200).SecondApprovalRequired.Should().BeTrue();
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
        (await api.Get<ContributionPage>(url, network.Token)).Expect(200).TotalCount.Should().Be(2);
    }
}
