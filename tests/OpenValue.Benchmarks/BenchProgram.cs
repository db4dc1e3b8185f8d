using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Measurements;

namespace OpenValue.Benchmarks;

/// <summary>
/// Issue 6's benchmarks: each figure beside a baseline measured in the same run. Exit code 0 when every
/// measurement ran and gave sane (positive, finite) figures; targets are reported, never enforced.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        Settings settings;
        try { settings = Settings.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException) { Console.Error.WriteLine(Settings.Usage); return 2; }

        var connection = Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to the benchmark database, or run ./openvalue.sh bench.");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var ct = cancel.Token;

        await using var bench = await BenchStore.Open(connection, rebuildBatchSize: null, ct);
        await using var tuned = await BenchStore.Open(connection, settings.TunedBatchSize, ct);
        var header = await Header.Read(bench.Db, settings);
        header.Print(settings);
        var runner = new Runner(settings, header);
        var failures = new List<string>();

        foreach (var entry in Catalogue.All(settings, bench, tuned, connection).Where(e => settings.Includes(e.Id)))
        {
            if (entry.Pending is { } pending) { Runner.Print(pending); continue; }
            try { await runner.Run(entry.Measurement!, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"[{entry.Id}] failed: {e.GetType().Name}: {e.Message}");
                Console.WriteLine($"    FAILED: {e}");
            }
        }
        await bench.Clean(ct);

        failures.AddRange(runner.Insane.Select(i => $"not a sane figure: {i}"));
        Console.WriteLine($"Results appended to {Path.Combine(settings.OutputFolder, "results.jsonl")}");
        foreach (var failure in failures) Console.WriteLine($"FAILURE {failure}");
        Console.WriteLine(failures.Count == 0 ? "Benchmarks: every measurement ran and gave sane figures." : $"Benchmarks: {failures.Count} failure(s).");
        return failures.Count == 0 ? 0 : 1;
    }
}
