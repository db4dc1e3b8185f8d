using System.Diagnostics;
using System.Net.Http.Json;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;
using OpenValue.Domain.Money;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 5: a treasurer proposes a pro-rata distribution over every member holding points,
/// <c>POST /networks/{n}/distributions</c>, on the network measurement 4 loads (same loader: real events,
/// rebuilt MemberView and points ledger) after recording income and paying out a few past distributions
/// through the API. The app serves from its own process (<see cref="AppProcess"/>), so the memory figure is
/// the server's own peak resident set. Sequential proposals of a small amount each, so the pool never runs
/// dry; time to answer (p50, p99). The baseline is the cheapest correct computation: one SELECT of the
/// members' points from the ledger's entries and the same largest-remainder split in memory.
/// </summary>
public static class DistributionProposal
{
    public static Measurement Create(BenchStore bench, Settings settings, string connection, LoadedNetwork network)
    {
        SharesQuery.Seeded? seeded = null;
        AppProcess? server = null;
        HttpClient? http = null;
        var proposals = settings.Quick ? 5 : 20;
        var pastDistributions = settings.Quick ? 2 : 6;
        var networkId = network.Generator.NetworkId;
        return new Measurement(
            "5", "proposing a pro-rata distribution over every member with points, POST /networks/{n}/distributions", "ms p50",
            new Contender("one SELECT of members' points + largest-remainder split in memory", async ct =>
            {
                var store = seeded!.Store;
                return await Timed(proposals, async () =>
                {
                    await using var connectionToDb = store.Storage.Database.CreateConnection();
                    await connectionToDb.OpenAsync(ct);
                    await using var command = new Npgsql.NpgsqlCommand(
                        "select member_id, sum(points) from openvalue.ov_points_entries where tenant_id = $1 and at <= now() group by 1", connectionToDb);
                    command.Parameters.AddWithValue(networkId.ToString());
                    var weights = new Dictionary<Guid, decimal>();
                    await using (var reader = await command.ExecuteReaderAsync(ct))
                        while (await reader.ReadAsync(ct)) weights[reader.GetGuid(0)] = reader.GetDecimal(1);
                    _ = LargestRemainder.Split(10_000, weights.Where(w => w.Value > 0).ToDictionary());
                });
            }),
            [
                new Contender("real app (own process): POST /networks/{n}/distributions (pro-rata, 100.00 EUR)", ct => Timed(proposals,
                    () => Propose(http!, networkId, "100.00", ct), server)),
            ],
            // Issue 6: under 1 s over 10k members, under 5 s over 100k; the server under 1 GB.
            [Target.FigureBelow(settings.Members >= 100_000 ? 5000 : 1000, "ms p50"), Target.DetailBelow("server peak MB", 1024)],
            Prepare: async ct =>
            {
                seeded = await SharesQuery.Seed(bench, settings, connection, network, ct);
                server = await AppProcess.Start(connection, ct);
                http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
                http.DefaultRequestHeaders.Authorization = seeded.Http.DefaultRequestHeaders.Authorization;
                await Send(http, $"/networks/{networkId}/income",
                    new { amount = new { amount = "10000000.00", currency = "EUR" }, source = "sale", projectId = (string?)null, receivedOn = "2026-11-25", note = "bench income" }, ct);
                // Past distributions, paid out, so the ledger the proposal sits in is not empty.
                for (var i = 0; i < pastDistributions; i++)
                {
                    var distributionId = await Propose(http, networkId, "2500.00", ct);
                    await Send(http, $"/networks/{networkId}/distributions/{distributionId}/payouts", new { }, ct);
                }
                Console.WriteLine($"    the app serves from its own process; {pastDistributions} past distributions paid out; server peak {server.PeakResidentMiB():0} MiB so far");
            },
            Finish: async () =>
            {
                http?.Dispose();
                if (server is not null) await server.DisposeAsync();
                if (seeded is { } s) { s.Http.Dispose(); await s.App.DisposeAsync(); }
            },
            Note: $"{settings.Members:#,0} members, {settings.Contributions:#,0} contributions; {pastDistributions} past distributions paid out first; " +
                  $"{proposals} sequential proposals per run against the app in its own process; 'server peak MB' is that process's peak resident set " +
                  "(VmHWM, since it started: seeding is done by another process); the baseline runs in the benchmark process");
    }

    private static async Task<Guid> Propose(HttpClient http, Guid networkId, string amount, CancellationToken ct)
    {
        var body = await Send(http, $"/networks/{networkId}/distributions",
            new { amount = new { amount, currency = "EUR" }, policy = "pro-rata", projectId = (string?)null, asOf = (string?)null }, ct);
        return Guid.Parse(System.Text.Json.Nodes.JsonNode.Parse(body)!["distributionId"]!.GetValue<string>());
    }

    private static async Task<string> Send(HttpClient http, string url, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(url, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} from POST {url}: {text}");
        return text;
    }

    private static async Task<Sample> Timed(int count, Func<Task> work, AppProcess? server = null)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var details = new Dictionary<string, double>
        {
            ["p50 ms"] = Stats.Percentile(latencies, 50), ["p99 ms"] = Stats.Percentile(latencies, 99), ["requests"] = count,
        };
        if (server is not null) details["server peak MB"] = server.PeakResidentMiB();
        return new Sample(Stats.Percentile(latencies, 50), details);
    }
}
