using OpenValue.Api.Budgeting;
using OpenValue.Api.Tests.Budgeting;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Api.Treasury;
using static OpenValue.Api.Tests.Integrity.Tampering;

namespace OpenValue.Api.Tests.Integrity;

/// <summary>
/// The network's stored write model says whether a distribution needs a second treasurer's approval: a
/// decision that moves money and reads it (proposing, approving, opening a round) refuses it when it disagrees
/// with the network's events, as it refuses a forged pool, and appends nothing.
/// </summary>
[Collection(AppCollection.Name)]
public class money_on_a_tampered_network(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private const string NoSecondApproval =
        "update openvalue.mt_doc_network set data = jsonb_set(data, '{fourEyes}', '\"Never\"') where tenant_id = $1";

    [Fact]
    public async Task proposing_approving_and_opening_a_round_on_a_network_edited_to_skip_approval_are_refused()
    {
        var n = await api.Ledgered();
        await Sql(NoSecondApproval, n.Tenant);
        var before = await app.EventCount(n.Network.NetworkId);

        (await api.Propose(n.Network, "10.00")).ShouldBeProblem(409, code: "stored-state-differs");
        (await api.Post<DistributionResponse>(n.Network.Url($"/distributions/{n.Proposed}/approval"), new { },
            n.Network.Token)).ShouldBeProblem(409, code: "stored-state-differs");
        (await api.Post<RoundResponse>(n.Network.Url("/rounds"), Rounds.Round("10.00"), n.Network.Token))
            .ShouldBeProblem(409, code: "stored-state-differs");

        (await app.EventCount(n.Network.NetworkId)).Should().Be(before, "nothing is appended");
        var report = await api.Integrity(n.Network);
        report.Breaks.Should().Contain(b => b.Document == $"Network {n.Network.NetworkId}" && b.What.Contains("fourEyes"));
    }

    [Fact]
    public async Task an_untouched_network_is_no_obstacle()
    {
        var n = await api.Ledgered();
        (await api.Propose(n.Network, "10.00")).Expect(201);
    }
}
