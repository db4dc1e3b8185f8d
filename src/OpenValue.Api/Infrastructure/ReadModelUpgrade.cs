using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Schema;
using NodaTime;
using Npgsql;
using OpenValue.Api.Contributions;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Infrastructure;

/// <summary>That a one-time step of <see cref="ReadModelUpgrade"/> has run on this database.</summary>
public sealed record StoreUpgrade(string Id, Instant At);

/// <summary>
/// Runs at startup, after the schema is applied, and each step once per database: completes read models that a
/// database kept by an earlier build lacks, so its users see the same as on a new one. Contribution views get the
/// stream version a review names (without it no older claim could be reviewed), income recorded before the
/// income records existed gets its record, and payouts issued before members' payout lists existed get their
/// documents. All are derived from the events and stored ids only; on a new database, or once done, each step is
/// one primary-key lookup.
/// </summary>
public sealed class ReadModelUpgrade : IInitialData
{
    public const string Id = "2026-12 contribution versions and income records";
    public const string PayoutsId = "2026-12 member payouts";

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await Once(store, Id, async () =>
        {
            await ContributionVersions(store, cancellation);
            await IncomeRecords(store, cancellation);
        }, cancellation);
        await Once(store, PayoutsId, () => MemberPayouts(store, cancellation), cancellation);
    }

    private static async Task Once(IDocumentStore store, string id, Func<Task> step, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StoreUpgrade>(id, cancellation) is not null)
            return;
        await step();
        session.Store(new StoreUpgrade(id, SystemClock.Instance.GetCurrentInstant()));
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>Each view without a version takes its stream's: the view folds every event of the stream.</summary>
    private static async Task ContributionVersions(IDocumentStore store, CancellationToken cancellation)
    {
        var views = store.Options.FindOrResolveDocumentType(typeof(ContributionView)).TableName.QualifiedName;
        var streams = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"""
            update {views} v set data = jsonb_set(v.data, '{"{version}"}', to_jsonb(s.version))
              from {streams} s
             where s.id = v.id and s.tenant_id = v.tenant_id and coalesce((v.data ->> 'version')::bigint, 0) = 0
            """, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>
    /// Every payout document of every network, folded from its payout events as the projection folds them (payout
    /// events are one per distribution paid, round closed, reversal or reissue); stored over any already there.
    /// </summary>
    private static async Task MemberPayouts(IDocumentStore store, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.QueryAllRawEvents()
            .Where(e => e.AnyTenant() && e.EventTypesAre(MemberPayoutProjection.EventTypes))
            .OrderBy(e => e.Sequence).ToListAsync(cancellation);
        foreach (var network in events.GroupBy(e => e.TenantId))
        {
            var folded = new Dictionary<Guid, MemberPayout>();
            foreach (var e in network)
                MemberPayoutProjection.Fold(folded, e);
            await using var session = store.LightweightSession(network.Key);
            session.Store(folded.Values.ToArray());
            await session.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>A record for every income event of every network that has none (income events are few).</summary>
    private static async Task IncomeRecords(IDocumentStore store, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var recorded = await query.Events.QueryAllRawEvents()
            .Where(e => e.AnyTenant() && e.EventTypesAre(typeof(IncomeRecorded))).ToListAsync(cancellation);
        foreach (var network in recorded.GroupBy(e => e.TenantId))
        {
            await using var session = store.LightweightSession(network.Key);
            var known = (await session.LoadManyAsync<IncomeView>(cancellation,
                network.Select(e => ((IncomeRecorded)e.Data).IncomeId))).Select(v => v.Id).ToHashSet();
            foreach (var e in network.Where(e => !known.Contains(((IncomeRecorded)e.Data).IncomeId)))
                session.Store(IncomeViewProjection.Create((IEvent<IncomeRecorded>)e));
            await session.SaveChangesAsync(cancellation);
        }
    }
}
