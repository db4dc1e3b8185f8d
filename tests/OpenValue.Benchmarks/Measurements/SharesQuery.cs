using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Shares;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;
using ContributionSubmitted = OpenValue.Domain.Contributions.ContributionSubmitted;
using ContributionReviewed = OpenValue.Domain.Contributions.ContributionReviewed;
using ContributionAccepted = OpenValue.Domain.Contributions.ContributionAccepted;
using ContributionRejected = OpenValue.Domain.Contributions.ContributionRejected;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Valuation;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 4: <c>GET /networks/{n}/shares</c> now and <c>?asOf=</c> past moments on a seeded network, every
/// member's line and one member's (<c>?memberId=</c>), p50 and p99 of sequential requests, against the raw SQL
/// sum of the ledger's entries on the same data. Each past-moment request asks for a different moment (7 hours
/// apart, from two thirds into the history), so no two are the same question: the app keeps the last shares it
/// computed while the ledger stands (KeptShares), and one moment asked a hundred times would measure that.
/// Prepare loads REAL events (the network stream: NetworkFounded, MemberAdmitted for every member, one
/// ValueEquationAdopted a year; each contribution's ContributionSubmitted, ContributionReviewed and
/// ContributionAccepted with points and valuation, or ContributionRejected) with Marten's bulk API into the
/// real app's store, then rebuilds MemberView with Marten's daemon and fills the points ledger with its own SQL
/// function, once per acceptance in time order, and checks the endpoint against a naive sum over the generated acceptances.
/// </summary>
public static class SharesQuery
{
    public static Measurement Create(BenchStore bench, Settings settings, string connection, LoadedNetwork network)
    {
        (WebApplication App, Uri Address)? real = null;
        HttpClient? http = null;
        var requests = settings.Quick ? 20 : 100;
        var generator = network.Generator;
        var networkId = generator.NetworkId;
        var tenant = networkId.ToString();
        // A past moment well inside the history (two thirds of the way), and "now" (after the last acceptance).
        var past = Generator.FirstDay.PlusDays(2 * 365).AtMidnight().InUtc().ToInstant() + Duration.FromHours(13);
        var pastText = InstantPattern.ExtendedIso.Format(past);
        string PastMoment(int i) => InstantPattern.ExtendedIso.Format(past + Duration.FromHours(7 * i));
        var member = Guid.Empty; // one member's line: the member with the most acceptances, known once the network is generated

        return new Measurement(
            "4", "shares query, GET /networks/{n}/shares now and ?asOf= past moments, every line and ?memberId= one line", "ms p99",
            new Contender("raw SQL: sum(points) from ov_points_entries group by member (as of the same past moments)",
                ct => Latencies(requests, async i =>
                {
                    var db = (IDocumentStore)real!.Value.App.Services.GetService(typeof(IDocumentStore))!;
                    await using var connectionToDb = db.Storage.Database.CreateConnection();
                    await connectionToDb.OpenAsync(ct);
                    await using var command = new Npgsql.NpgsqlCommand(
                        "select member_id, sum(points) from openvalue.ov_points_entries where tenant_id = $1 and at <= $2 group by 1", connectionToDb);
                    command.Parameters.AddWithValue(tenant);
                    command.Parameters.AddWithValue((past + Duration.FromHours(7 * i)).ToDateTimeOffset());
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct)) _ = reader.GetDecimal(1);
                })),
            [
                new Contender("real app: GET /networks/{n}/shares (now, every member's line)",
                    ct => Latencies(requests, _ => Get(http!, $"/networks/{networkId}/shares", ct))),
                new Contender("real app: GET /networks/{n}/shares?asOf= (a different past moment each, every member's line)",
                    ct => Latencies(requests, i => Get(http!, $"/networks/{networkId}/shares?asOf={PastMoment(i)}", ct))),
                new Contender("real app: GET /networks/{n}/shares?memberId= (now, one member's line)",
                    ct => Latencies(requests, _ => Get(http!, $"/networks/{networkId}/shares?memberId={member}", ct))),
                new Contender("real app: GET /networks/{n}/shares?asOf=&memberId= (a different past moment each, one member's line)",
                    ct => Latencies(requests, i => Get(http!, $"/networks/{networkId}/shares?asOf={PastMoment(i)}&memberId={member}", ct))),
            ],
            [Target.FigureBelow(20, "ms p99")],
            Prepare: async ct =>
            {
                var seeded = await Seed(bench, settings, connection, network, ct);
                real = (seeded.App, seeded.Http.BaseAddress!);
                http = seeded.Http;
                var contributions = seeded.Contributions;
                member = contributions.Where(c => c.Review is { Approved: true })
                    .GroupBy(c => c.MemberId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                await Check(http, networkId, contributions, past, pastText, member, ct);
                for (var i = 0; i < 10; i++) await Get(http, $"/networks/{networkId}/shares?asOf={pastText}", ct);
            },
            Finish: async () =>
            {
                http?.Dispose();
                if (real is { } r) await r.App.DisposeAsync();
            },
            Note: $"{settings.Members:#,0} members, {settings.Contributions:#,0} contributions of real events; {requests} sequential requests per run, " +
                  $"the app in this process; past moments from {pastText}, 7 h apart; one member: the one with the most acceptances; headline figure is p99 (p50 in the details); " +
                  "ratio = subject p99 / SQL p99");
    }

    /// <summary>What Seed leaves ready: the real app serving the loaded network, a client holding the founder's token, the generated claims.</summary>
    public sealed record Seeded(WebApplication App, HttpClient Http, DocumentStore Store, List<GeneratedContribution> Contributions);

    /// <summary>
    /// Empties the database, starts the real app, bulk-loads the generated network as real events and rebuilds
    /// MemberView and fills the points ledger (the same SQL function its inline projection calls), as the shares read them.
    /// </summary>
    /// <summary>The network the last Seed loaded in this process, until a measurement that writes takes it.</summary>
    private static (string Key, List<GeneratedContribution> Contributions, string Token)? lastLoad;

    public static async Task<Seeded> Seed(BenchStore bench, Settings settings, string connection, LoadedNetwork network, CancellationToken ct)
    {
        var generator = network.Generator;
        var networkId = generator.NetworkId;
        var tenant = networkId.ToString();
        var key = $"{settings.Seed}/{settings.Members}/{settings.Contributions}/{connection}";
        if (lastLoad is { } last && last.Key == key)
        {
            // Measurement 4 only reads, so measurement 5 in the same run proposes on the network it loaded.
            var again = await Servers.StartRealApp(connection, ct);
            Console.WriteLine("    the network measurement 4 loaded is still in the database: reused");
            var client = new HttpClient { BaseAddress = again.Address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", last.Token);
            lastLoad = null; // whoever uses it next may change it
            return new Seeded(again.App, client, (DocumentStore)again.App.Services.GetService(typeof(IDocumentStore))!, last.Contributions);
        }
        lastLoad = null;
        await bench.Clean(ct);
        var app = await Servers.StartRealApp(connection, ct);
        var store = (DocumentStore)app.App.Services.GetService(typeof(IDocumentStore))!;
        await store.Advanced.Clean.DeleteAllDocumentsAsync(ct);
        await store.Advanced.Clean.DeleteAllEventDataAsync(ct);
        await using (var truncate = bench.Db.CreateCommand(BenchStore.TruncateTables))
            await truncate.ExecuteNonQueryAsync(ct);

        var founder = generator.MemberIds[0];
        var contributions = generator.Contributions(settings.Contributions).ToList();
        var streams = new List<StreamAction> { StreamAction.Start(store.Events, networkId, RealEvents.NetworkStream(generator)) };
        streams.AddRange(contributions.Select(c => StreamAction.Start(store.Events, c.Id, RealEvents.Contribution(c))));
        var clock = Stopwatch.StartNew();
        await store.BulkInsertEventsAsync(tenant, streams, BulkAppend.BulkBatchSize, ct);
        var loaded = clock.Elapsed;
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(typeof(MemberViewProjection), TimeSpan.FromMinutes(30), ct);
        // The app stores the network's write model inline; a bulk load bypasses inline projections, so fold it once.
        await using (var session = store.LightweightSession(tenant))
        {
            session.Store((await session.Events.AggregateStreamAsync<OpenValue.Domain.Networks.Network>(networkId, token: ct))!);
            await session.SaveChangesAsync(ct);
        }
        var members = clock.Elapsed - loaded;
        // The points ledger: the same SQL function its inline projection calls, once per loaded acceptance with the
        // event's own sequence, in acceptance-time order, as the live app appends them. (A daemon rebuild replays in
        // sequence order, and the bulk loader appends stream by stream, so acceptances would arrive up to four days
        // out of time order; the ledger keeps those as late rows, but plain SQL is still the quicker load.)
        await RecordLedger(bench, tenant, ct);
        Console.WriteLine($"    loaded {streams.Sum(s => s.Events.Count):#,0} real events in {loaded.TotalSeconds:0.0} s, " +
                          $"rebuilt MemberView in {members.TotalSeconds:0.0} s, recorded the points ledger in {(clock.Elapsed - loaded - members).TotalSeconds:0.0} s");
        await bench.Checkpoint(ct);

        var token = await FounderToken(store, networkId, founder, ct);
        var http = new HttpClient { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        lastLoad = (key, contributions, token);
        return new Seeded(app.App, http, store, contributions);
    }

    /// <summary>
    /// Records every loaded acceptance in the ledger, 10,000 per transaction: the live app commits one acceptance
    /// at a time, and one transaction for all of them would update each busy member's running total thousands of
    /// times in it (PostgreSQL walks every earlier version of a row updated in its own transaction: quadratic).
    /// </summary>
    private static async Task RecordLedger(BenchStore bench, string tenant, CancellationToken ct)
    {
        await using var connection = await bench.Db.OpenConnectionAsync(ct);
        await using (var order = new Npgsql.NpgsqlCommand("""
            create temp table accepted on commit preserve rows as
            select row_number() over (order by (data->>'acceptedAt')::timestamptz, seq_id) as n, tenant_id, seq_id, data
              from openvalue.mt_events where tenant_id = $1 and type = 'contribution_accepted' and data->>'points' is not null
            """, connection))
        {
            order.CommandTimeout = 3600;
            order.Parameters.AddWithValue(tenant);
            await order.ExecuteNonQueryAsync(ct);
        }
        await using (var index = new Npgsql.NpgsqlCommand("create index on accepted (n)", connection))
            await index.ExecuteNonQueryAsync(ct);
        for (long done = 0, recorded = -1; recorded != 0; done += 10_000)
        {
            await using var record = new Npgsql.NpgsqlCommand("""
                select count(openvalue.ov_points_record(tenant_id, seq_id, (data->>'contributionId')::uuid, (data->>'memberId')::uuid,
                           coalesce((data->>'projectId')::uuid, '00000000-0000-0000-0000-000000000000'::uuid), data->>'kind',
                           (data->>'points')::numeric, (data->>'acceptedAt')::timestamptz, (data->>'acceptedAt')::timestamptz))
                  from (select * from accepted where n > $1 and n <= $1 + 10000 order by n) chunk
                """, connection) { CommandTimeout = 3600 };
            record.Parameters.AddWithValue(done);
            recorded = (long)(await record.ExecuteScalarAsync(ct))!;
        }
        await using var drop = new Npgsql.NpgsqlCommand("drop table accepted", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A bearer token for the founder, issued the way the app issues them (the founding response's token is not available: the network was bulk-loaded).</summary>
    private static async Task<string> FounderToken(DocumentStore store, Guid networkId, Guid founder, CancellationToken ct)
    {
        var (token, access) = OpenValue.Api.Security.AccessToken.Issue(networkId, founder, SystemClock.Instance.GetCurrentInstant());
        await using var session = store.LightweightSession();
        session.Store(access);
        await session.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>
    /// The endpoint's points per member, now and at the past moment, equal a naive sum over the generated acceptances;
    /// one member's line (<c>?memberId=</c>) is exactly that member's line in the full list.
    /// </summary>
    private static async Task Check(HttpClient http, Guid networkId, List<GeneratedContribution> contributions, Instant past, string pastText,
        Guid member, CancellationToken ct)
    {
        // "Now" is the server's clock: the generated history runs up to a few days past today, so later acceptances don't count yet.
        foreach (var (query, fixedMoment) in new[] { ("", (Instant?)null), ($"?asOf={pastText}", past) })
        {
            var moment = fixedMoment ?? SystemClock.Instance.GetCurrentInstant();
            var expected = contributions.Where(c => c.Review is { Approved: true } r && r.At <= moment)
                .GroupBy(c => c.MemberId).ToDictionary(g => g.Key, g => g.Sum(c => c.Review!.Points));
            var body = JsonNode.Parse(await Get(http, $"/networks/{networkId}/shares{query}", ct))!;
            var actual = body["members"]!.AsArray().ToDictionary(
                m => Guid.Parse(m!["memberId"]!.GetValue<string>()), m => decimal.Parse(m!["points"]!.GetValue<string>(), CultureInfo.InvariantCulture));
            var wrong = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Take(3).ToList();
            if (expected.Count != actual.Count || wrong.Count > 0)
                throw new InvalidOperationException($"shares{query}: {actual.Count} members answered, {expected.Count} expected; " +
                    $"first differences: {string.Join(", ", wrong.Select(w => $"{w.Key}: {actual.GetValueOrDefault(w.Key)} vs {w.Value}"))}");
            var full = body["members"]!.AsArray().Single(m => m!["memberId"]!.GetValue<string>() == member.ToString())!.ToJsonString();
            var one = JsonNode.Parse(await Get(http, $"/networks/{networkId}/shares{(query == "" ? "?" : query + "&")}memberId={member}", ct))!;
            if (one["members"]!.AsArray().Single()!.ToJsonString() != full || one["totalPoints"]!.ToJsonString() != body["totalPoints"]!.ToJsonString())
                throw new InvalidOperationException($"shares{query}: member {member}'s own line differs from their line in the full list");
            Console.WriteLine($"    checked shares{(query == "" ? " (now)" : " as of " + pastText)}: {actual.Count:#,0} members, " +
                              $"points equal a naive sum over the generated acceptances; ?memberId= gives the same line and total");
        }
    }

    private static async Task<string> Get(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode} from {url}: {text}");
        return text;
    }

    private static async Task<Sample> Latencies(int count, Func<int, Task> request)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await request(i);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new Sample(Stats.Percentile(latencies, 99), new Dictionary<string, double>
        {
            ["p50 ms"] = Stats.Percentile(latencies, 50), ["p99 ms"] = Stats.Percentile(latencies, 99), ["requests"] = count,
        });
    }
}
