using System.Diagnostics;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// Closed-loop HTTP load: a number of clients, each sending its next request as soon as the previous one
/// answers, for a fixed time. Reports requests per second, with p50 and p99 latency in milliseconds.
/// Any response other than 2xx fails the run: a fast error is not throughput.
/// Also reports this process's CPU milliseconds per request (server and load driver together).
/// </summary>
public static class LoadDriver
{
    public static Task<Sample> Drive(
        Uri server, Func<HttpRequestMessage> request, int clients, TimeSpan duration, CancellationToken ct) =>
        Drive(server, _ => request(), clients, duration, ct);

    /// <summary>As above; each client's requests are built with its index (0 to clients − 1), for per-client tokens.</summary>
    public static async Task<Sample> Drive(
        Uri server, Func<int, HttpRequestMessage> request, int clients, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseCookies = false })
            { BaseAddress = server };
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(latencies.Select((mine, client) => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var response = await http.SendAsync(request(client), ct);
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync(ct)}");
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        }, ct)));
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var all = latencies.SelectMany(l => l).ToList();
        return new Sample(Stats.PerSecond(all.Count, elapsed), new Dictionary<string, double>
        {
            ["p50 ms"] = Stats.Percentile(all, 50),
            ["p99 ms"] = Stats.Percentile(all, 99),
            ["requests"] = all.Count,
            ["cpu ms/request"] = cpu.TotalMilliseconds / Math.Max(all.Count, 1),
        });
    }

    /// <summary>Sequential requests before timing, so JIT and Wolverine's runtime code generation are not measured.</summary>
    public static async Task WarmUp(Uri server, Func<HttpRequestMessage> request, int count, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server };
        for (var i = 0; i < count; i++)
            (await http.SendAsync(request(), ct)).EnsureSuccessStatusCode();
    }
}
