using NodaTime;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Shares;

/// <summary>A database kept by the ledger's first layout (one jsonb of totals per week) is moved to the current one at startup.</summary>
[Collection(AppCollection.Name)]
public class points_ledger_upgrade(AppFixture app)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 1, 5, 0, 0);

    [Fact]
    public async Task The_first_layout_gets_its_totals_and_checkpoints_derived_from_its_days_and_loses_the_old_table()
    {
        var tenant = Guid.NewGuid().ToString();
        var (ada, bob, frame) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var session = app.Store.LightweightSession(tenant))
        {
            long seq = 1;
            foreach (var (member, days, project) in new[] { (ada, 1, (Guid?)null), (bob, 9, frame), (ada, 30, frame), (bob, 3, null) })
                PointsLedger.Record(session, tenant, new PointsEntry(seq++, Guid.NewGuid(), member, project, "work", 10m * days, Monday + Duration.FromDays(days)));
            await session.SaveChangesAsync();
        }
        Instant[] moments = [Monday + Duration.FromDays(2), Monday + Duration.FromDays(10), Monday + Duration.FromDays(29), Monday + Duration.FromDays(40)];
        var live = await Answers(tenant, moments, frame);

        // What an old database holds: entries and days, the old weeks table, no totals, checkpoints or late rows.
        await Sql("""
            create table if not exists openvalue.ov_points_weeks (
                tenant_id varchar not null, scope uuid not null, week_start date not null, totals jsonb not null,
                primary key (tenant_id, scope, week_start));
            """);
        foreach (var table in new[] { "ov_points_totals", "ov_points_checkpoints", "ov_points_late" })
            await Sql($"delete from openvalue.{table} where tenant_id = $1", tenant);
        (await Answers(tenant, moments, frame)).Should().NotBeEquivalentTo(live, "the new tables are empty before the upgrade");

        await new PointsLedgerUpgrade().Populate(app.Store, CancellationToken.None);

        (await Answers(tenant, moments, frame)).Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
        (await Sql("select to_regclass('openvalue.ov_points_weeks') is null")).Should().Be(true);
        await new PointsLedgerUpgrade().Populate(app.Store, CancellationToken.None); // nothing left to do
        (await Answers(tenant, moments, frame)).Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
    }

    private async Task<List<IReadOnlyList<MemberKindPoints>>> Answers(string tenant, Instant[] moments, Guid project)
    {
        var answers = new List<IReadOnlyList<MemberKindPoints>>();
        foreach (var at in moments)
            foreach (var scope in new Guid?[] { null, project })
                answers.Add(await MemberKindPoints.AsOf(app.Store, tenant, scope, at));
        return answers;
    }

    private async Task<object?> Sql(string sql, params object[] values)
    {
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.AddWithValue(value);
        return await command.ExecuteScalarAsync();
    }
}
