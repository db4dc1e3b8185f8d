namespace OpenValue.Benchmarks.Harness;

public static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static bool IsSane(double value) => double.IsFinite(value) && value > 0;

    /// <summary>How long the work took, on a monotonic clock.</summary>
    public static async Task<TimeSpan> Timed(Func<Task> work)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    /// <summary>Throughput in units per second.</summary>
    public static double PerSecond(long count, TimeSpan elapsed) => count / Math.Max(elapsed.TotalSeconds, 1e-9);
}
