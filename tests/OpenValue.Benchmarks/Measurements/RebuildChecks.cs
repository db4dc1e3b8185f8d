using NodaTime;
using OpenValue.Api.Activity;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Shares;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 3's sanity checks, run after every rebuild and outside its timing: what each rebuilt
/// projection holds equals what the generated network says it must (counts, and the points to the cent).
/// </summary>
public sealed class RebuildChecks(BenchStore bench, LoadedNetwork network)
{
    private string Tenant => network.TenantId;

    public Task Of(Type projection, CancellationToken ct) => projection switch
    {
        _ when projection == typeof(ContributionViewProjection) => ContributionViews(ct),
        _ when projection == typeof(PointsLedgerProjection) => Ledger(ct),
        _ when projection == typeof(MemberViewProjection) => MemberViews(ct),
        _ when projection == typeof(NetworkProjection) => NetworkDocument(ct),
        _ => throw new ArgumentException($"no check for {projection.Name}", nameof(projection)),
    };

    public async Task All(CancellationToken ct)
    {
        await ContributionViews(ct);
        await Ledger(ct);
        await MemberViews(ct);
        await NetworkDocument(ct);
        Equal("NetworkView member count",
            await bench.Scalar("select (data->>'memberCount')::bigint from openvalue.mt_doc_networkview where tenant_id = $1", ct, Tenant),
            network.Generator.MemberIds.Count);
        // The activity feed keeps one entry per fact it describes: here every event of the network.
        Equal("activity entries", await Count("mt_doc_activityentry", ct),
            network.AllStreams.Sum(st => (long)st.Events.Count(e => ActivityFacts.Types.Contains(e.GetType()))));
    }

    /// <summary>The raw read saw every event and the generated points.</summary>
    public void RawRead(long events, long loaded, decimal points)
    {
        Equal("events read", events, loaded);
        Equal("points read", points, network.PointsByMember().Values.Sum());
    }

    private async Task ContributionViews(CancellationToken ct)
    {
        Equal("ContributionView documents", await Count("mt_doc_contributionview", ct), network.Contributions.Count);
        Equal("ContributionView points", await Sum("select sum((data->>'points')::numeric) from openvalue.mt_doc_contributionview where tenant_id = $1", ct),
            network.PointsByMember().Values.Sum());
    }

    private async Task MemberViews(CancellationToken ct) =>
        Equal("MemberView documents", await Count("mt_doc_memberview", ct), network.Generator.MemberIds.Count);

    private async Task NetworkDocument(CancellationToken ct)
    {
        Equal("Network documents", await Count("mt_doc_network", ct), 1);
        Equal("Network member count",
            await bench.Scalar("select (data->>'memberCount')::bigint from openvalue.mt_doc_network where tenant_id = $1", ct, Tenant),
            network.Generator.MemberIds.Count);
    }

    /// <summary>One entry per acceptance, and each member's points as of after the last one equal the generated sum (weekly checkpoints included).</summary>
    private async Task Ledger(CancellationToken ct)
    {
        Equal("ledger entries", await Count("ov_points_entries", ct), network.Acceptances);
        var after = network.Contributions.Max(c => c.Review?.At ?? c.SubmittedAt) + Duration.FromDays(1);
        var totals = (await PointsLedger.TallyAsOf(bench.Store, Tenant, null, after, ct)).Members().ToDictionary(m => m.MemberId, m => m.Points);
        var expected = network.PointsByMember();
        var wrong = expected.Where(e => totals.GetValueOrDefault(e.Key) != e.Value).Take(3).ToList();
        if (totals.Count != expected.Count || wrong.Count > 0)
            throw new InvalidOperationException($"ledger: {totals.Count} members with points, {expected.Count} expected; first differences: " +
                string.Join(", ", wrong.Select(w => $"{w.Key}: {totals.GetValueOrDefault(w.Key)} vs {w.Value}")));
    }

    private Task<long> Count(string table, CancellationToken ct) =>
        bench.Scalar($"select count(*) from openvalue.{table} where tenant_id = $1", ct, Tenant);

    private async Task<decimal> Sum(string sql, CancellationToken ct)
    {
        await using var command = bench.Db.CreateCommand(sql);
        command.Parameters.AddWithValue(Tenant);
        return await command.ExecuteScalarAsync(ct) is decimal d ? d : 0m;
    }

    private static void Equal<T>(string what, T actual, T expected) where T : IEquatable<T>
    {
        if (!actual.Equals(expected)) throw new InvalidOperationException($"after the rebuild, {what}: {actual}, expected {expected}");
    }
}
