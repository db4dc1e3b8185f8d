using System.Diagnostics;
using OpenValue.Benchmarks.Harness;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>What a steady load produced: each claim's time to answer, and the rate actually applied.</summary>
public sealed record Commits(IReadOnlyList<double> Latencies, double AppliedPerSecond)
{
    public Dictionary<string, double> Details() => new()
    {
        ["claims/s applied"] = AppliedPerSecond,
        ["claims"] = Latencies.Count,
        ["p50 commit ms"] = Stats.Percentile(Latencies, 50),
        ["p99 commit ms"] = Stats.Percentile(Latencies, 99),
    };
}

/// <summary>
/// Open-loop load of real claims: claim i is sent at i / rate seconds whether or not earlier claims have
/// answered, so a slow server gets more concurrent requests instead of fewer (no coordinated omission), up to
/// <see cref="MaxInFlight"/>: past that a claim waits for a free slot and goes out late, and the applied rate
/// in the details falls below the asked one (an overloaded server would otherwise run out of database
/// connections and answer 500). The members' tokens are used in turn. Any answer other than 2xx fails the run.
/// </summary>
public sealed class SteadyClaims(int perSecond, TimeSpan duration)
{
    public const int MaxInFlight = 64;

    /// <summary>Founds a network through the app and admits one contributor per token slot.</summary>
    public static async Task<(Guid NetworkId, string FounderToken)> Network(Uri server, string[] tokens, CancellationToken ct)
    {
        var (networkId, founderToken) = await ClaimOverHttp.Found(server, ct);
        for (var i = 0; i < tokens.Length; i++)
            tokens[i] = await ClaimOverHttp.Admit(server, networkId, founderToken, $"Member {i + 1}", ct);
        return (networkId, founderToken);
    }

    /// <summary>Sequential claims before timing, so JIT and Wolverine's runtime code generation are not measured.</summary>
    public Task WarmUp(Uri server, Guid networkId, string[] tokens, CancellationToken ct) =>
        LoadDriver.WarmUp(server, () => ClaimOverHttp.Request(networkId, tokens[0]), 20, ct);

    public override string ToString() => $"{perSecond} claims/s for {duration.TotalSeconds:0} s per run, open loop (at most {MaxInFlight} in flight)";

    public async Task<Commits> Drive(Uri server, Guid networkId, string[] tokens, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server };
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>(total);
        using var slots = new SemaphoreSlim(MaxInFlight);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / (double)perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, ct);
            await slots.WaitAsync(ct);
            sends.Add(Send(i));
        }
        var sending = clock.Elapsed;
        await Task.WhenAll(sends);
        return new Commits(latencies, Stats.PerSecond(total - 1, sending));

        async Task Send(int index)
        {
            try
            {
                var started = clock.Elapsed;
                using var response = await http.SendAsync(ClaimOverHttp.Request(networkId, tokens[index % tokens.Length]), ct);
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"{(int)response.StatusCode} from POST contributions: {await response.Content.ReadAsStringAsync(ct)}");
                latencies[index] = (clock.Elapsed - started).TotalMilliseconds;
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
