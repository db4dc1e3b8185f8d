using Npgsql;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>
/// Pools, distributions and income records stored by a build before income reversals and reissues have none of
/// their fields. They must still read as what their events fold to, or every money-moving request on them would
/// be refused as stored state that differs (and verify would report them).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class treasury_documents_of_an_older_build(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task without_the_new_fields_still_agree_with_their_events_and_take_reversals_and_reissues()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        var twice = (await api.Post<IncomeRecordedResponse>(network.Url("/income"), Treasury.Income("100.00"),
            network.Token)).Expect(201);
        var id = (await api.Proposed(network, "90.00")).DistributionId;
        var bobs = (await api.Paid(network, id)).Payouts.Single(p => p.MemberId == bob.MemberId).PayoutId;
        await AsAnOlderBuildLeftThem(network.NetworkId);
        (await api.Integrity(network)).Intact.Should().BeTrue();

        (await api.Post(network.Url($"/payouts/{bobs}/reversal"), new { reason = "IBAN closed" }, network.Token))
            .Status.Should().Be(200);
        (await api.Post(network.Url($"/payouts/{bobs}/reissue"), null, network.Token)).Status.Should().Be(201);
        (await api.Post(network.Url($"/income/{twice.IncomeId}/reversal"), new { reason = "recorded twice" },
            network.Token))
            .Status.Should().Be(200);
        var ledger = await api.Ledger(network);
        (ledger.NetIncome.Amount, ledger.Paid.Amount, ledger.Distributed.Amount,
            ledger.Undistributed.Amount)
            .Should().Be(("100.00", "120.00", "90.00", "10.00"));
        (await api.Integrity(network)).Intact.Should().BeTrue();
    }

    private async Task AsAnOlderBuildLeftThem(Guid networkId)
    {
        string Table(Type type) => app.Store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     $"update {Table(typeof(Pool))} set data = data - 'incomeReversedMinor' - 'redrawnMinor' - 'netIncomeMinor' where tenant_id = $1",
                     $"update {Table(typeof(Distribution))} set data = data - 'reissues' - 'heldMinor' where tenant_id = $1",
                     $"update {Table(typeof(IncomeView))} set data = data - 'reversedBy' - 'reversedAt' - 'reversalReason' where tenant_id = $1",
                 })
        {
            await using var command = new NpgsqlCommand(sql,
                connection) { Parameters = { new() { Value = networkId.ToString() } } };
            (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }
    }
}
