using System.Diagnostics;
using System.Net.Http.Json;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;
using OpenValue.Domain.Money;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 5: a treasurer proposes a pro-rata distribution over every member holding points,
/// <c>POST /networks/{n}/distributions</c>, after recording income, on the network measurement 4 loads
/// (same loader: real events, rebuilt MemberView and points ledger). Sequential proposals of a small amount
/// each, so the pool never runs dry; time to answer (p50, p99) and this process's peak working set. The
/// baseline is the cheapest correct computation: one SELECT of the members' points from the ledger's
/// entries and the same largest-remainder split in memory.
/// </summary>
public static class DistributionProposal
{
    public static Measurement Create(BenchStore bench, Settings settings, string connection, LoadedNetwork network)
    {
        SharesQuery.Seeded? seeded = null;
        var proposals = settings.Quick ? 5 : 20;
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
                new Contender("real app: POST /networks/{n}/distributions (pro-rata, 100.00 EUR)", ct => Timed(proposals, async () =>
                {
                    using var response = await seeded!.Http.PostAsJsonAsync($"/networks/{networkId}/distributions",
                        new { amount = new { amount = "100.00", currency = "EUR" }, policy = "pro-rata", projectId = (string?)null, asOf = (string?)null }, ct);
                    if (!response.IsSuccessStatusCode)
                        throw new HttpRequestException($"{(int)response.StatusCode} from POST distributions: {await response.Content.ReadAsStringAsync(ct)}");
                })),
            ],
            [Target.FigureBelow(1000, "ms p50")],
            Prepare: async ct =>
            {
                seeded = await SharesQuery.Seed(bench, settings, connection, network, ct);
                using var response = await seeded.Http.PostAsJsonAsync($"/networks/{networkId}/income",
                    new { amount = new { amount = "10000000.00", currency = "EUR" }, source = "sale", projectId = (string?)null, receivedOn = "2026-11-25", note = "bench income" }, ct);
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"{(int)response.StatusCode} from POST income: {await response.Content.ReadAsStringAsync(ct)}");
            },
            Finish: async () =>
            {
                if (seeded is { } s) { s.Http.Dispose(); await s.App.DisposeAsync(); }
            },
            Note: $"{settings.Members:#,0} members, {settings.Contributions:#,0} contributions; {proposals} sequential proposals per run, the app in this " +
                  "process; 'peak MB' is this whole process's peak working set (app, load driver and the generated network together), an upper bound on the server's");
    }

    private static async Task<Sample> Timed(int count, Func<Task> work)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        using var process = Process.GetCurrentProcess();
        return new Sample(Stats.Percentile(latencies, 50), new Dictionary<string, double>
        {
            ["p50 ms"] = Stats.Percentile(latencies, 50), ["p99 ms"] = Stats.Percentile(latencies, 99), ["requests"] = count,
            ["peak MB"] = process.PeakWorkingSet64 / 1024.0 / 1024.0,
        });
    }
}
