using Marten;
using Npgsql;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Treasury;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// A database kept by a build before contribution versions and income records: the startup upgrade completes
/// both from the events, so an older claim can be reviewed and older income is listed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class read_models_of_an_older_build(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task are_completed_once_at_startup_from_the_events()
    {
        var network = await api.Found();
        var bob = await api.Admit(network, "Bob", "labour", "contributor");
        var claim = await api.Submit(network, bob.Token);
        var income = await api.Post<IncomeRecordedResponse>(network.Url("/income"),
            new { amount = new { amount = "10.00", currency = "EUR" }, source = "donation", receivedOn = "2026-11-25" },
                network.Token);
        var incomeId = income.Expect(201).IncomeId;
        await AsAnOlderBuildLeftThem(network.NetworkId);
        (await api.Get<ContributionResponse>(network.Url($"/contributions/{claim}"), network.Token)).Expect(200)
            .Version.Should().Be(0);
        (await api.Get(network.Url($"/income/{incomeId}"), network.Token)).Status.Should().Be(404);

        await new ReadModelUpgrade().Populate(app.Store, CancellationToken.None);

        (await api.Get<ContributionResponse>(network.Url($"/contributions/{claim}"), network.Token)).Expect(200)
            .Version.Should().Be(1);
        (await api.Get(network.Url($"/income/{incomeId}"), network.Token)).Status.Should().Be(200);
        (await api.Review(network, claim, network.Token)).Status.Should().Be(200);
    }

    private async Task AsAnOlderBuildLeftThem(Guid networkId)
    {
        var views = app.Store.Options.FindOrResolveDocumentType(typeof(ContributionView)).TableName.QualifiedName;
        var incomes = app.Store.Options.FindOrResolveDocumentType(typeof(IncomeView)).TableName.QualifiedName;
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        foreach (var sql in new[] { $"update {views} set data = data - 'version' where tenant_id = $1",
            $"delete from {incomes} where tenant_id = $1" })
        {
            await using var command = new NpgsqlCommand(sql,
                connection) { Parameters = { new() { Value = networkId.ToString() } } };
            await command.ExecuteNonQueryAsync();
        }
        await using var session = app.Store.LightweightSession();
        session.Delete<StoreUpgrade>(ReadModelUpgrade.Id);
        await session.SaveChangesAsync();
    }
}
