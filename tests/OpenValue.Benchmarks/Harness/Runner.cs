using System.Text.Json;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// Runs each measurement's baseline and subjects alternately (baseline first on odd runs, last on even runs,
/// so a slow drift of the machine doesn't favour one side), after an uncounted warm-up round in full mode.
/// Prints every run, the medians, the ratio of medians and each target, and appends one JSON line per
/// contender to results.jsonl.
/// </summary>
public sealed class Runner(Settings settings, Header header)
{
    private readonly string _runId = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
    private readonly List<string> _insane = [];

    public IReadOnlyList<string> Insane => _insane;

    public async Task Run(Measurement m, CancellationToken ct)
    {
        Console.WriteLine($"[{m.Id}] {m.Title} ({m.Unit}); targets: {string.Join(", ", m.Targets.Select(t => t.Text))}");
        if (m.Note is not null) Console.WriteLine($"    note: {m.Note}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { await Measure(m, ct); }
        finally { if (m.Finish is not null) await m.Finish(); }
        Console.WriteLine($"    ({clock.Elapsed.TotalSeconds:0.0} s in all)");
        Console.WriteLine();
    }

    private async Task Measure(Measurement m, CancellationToken ct)
    {
        if (m.Prepare is not null)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await m.Prepare(ct);
            Console.WriteLine($"    prepared in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var contenders = new[] { m.Baseline }.Concat(m.Subjects).ToArray();
        var samples = contenders.ToDictionary(c => c.Name, _ => new List<Sample>());
        // Run 0 is a warm-up (JIT tiers, caches, connection pools) and is not counted.
        for (var run = settings.WarmUp ? 0 : 1; run <= settings.Runs; run++)
        {
            var order = run % 2 == 1 ? contenders : [.. contenders.Skip(1), contenders[0]];
            foreach (var contender in order)
            {
                // Each run starts without the previous one's garbage, so no run pays another's collection.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                var sample = await contender.Run(ct);
                if (run > 0) samples[contender.Name].Add(sample);
                var label = run == 0 ? "warm-up" : $"run {run}  ";
                Console.WriteLine($"    {label} {Label(m, contender),-62} {Figure(sample.Value, m.Unit)}{Details(sample.Details)}");
            }
        }
        Report(m, contenders, samples);
    }

    public static void Print(NotYetMeasurable pending) =>
        Console.WriteLine($"[{pending.Id}] {pending.Title}: not yet measurable: needs {pending.Needs}\n");

    private void Report(Measurement m, Contender[] contenders, Dictionary<string, List<Sample>> samples)
    {
        var baseline = Stats.Median(samples[m.Baseline.Name].Select(s => s.Value));
        foreach (var contender in contenders)
        {
            var values = samples[contender.Name].Select(s => s.Value).ToList();
            var median = Stats.Median(values);
            var isBaseline = contender == m.Baseline;
            var ratio = median / baseline;
            var details = MedianDetails(samples[contender.Name]);
            var verdicts = isBaseline ? [] : m.Targets
                .Select(t => (t.Text, Met: t.IsMet(ratio, t.Detail is { } d ? details.GetValueOrDefault(d, double.NaN) : median))).ToList();
            Console.WriteLine($"    median {Label(m, contender),-62} {Figure(median, m.Unit)}{Details(details)}" +
                (isBaseline ? "" : $"  ratio {ratio:0.00}  " + string.Join("  ", verdicts.Select(v => $"{v.Text}: {(v.Met ? "PASS" : "MISS")}"))));
            foreach (var value in values.Concat(details.Values).Append(median).Where(v => !Stats.IsSane(v)))
                _insane.Add($"[{m.Id}] {contender.Name}: {value}");
            Write(new
            {
                runId = _runId, mode = header.Mode, date = header.Date, durable = header.Durable,
                fsync = header.Fsync, synchronousCommit = header.SynchronousCommit,
                measurement = m.Id, title = m.Title, contender = contender.Name, role = isBaseline ? "baseline" : "subject",
                unit = m.Unit, runs = values, median, ratio = isBaseline ? (double?)null : ratio, details,
                targets = verdicts.Select(v => new { target = v.Text, met = v.Met }),
                network = new { settings.Members, settings.Contributions, settings.Seed },
            });
        }
    }

    private void Write(object line)
    {
        Directory.CreateDirectory(settings.OutputFolder);
        File.AppendAllText(Path.Combine(settings.OutputFolder, "results.jsonl"), JsonSerializer.Serialize(line) + "\n");
    }

    private static Dictionary<string, double> MedianDetails(List<Sample> samples) =>
        samples.SelectMany(s => s.Details ?? new Dictionary<string, double>()).GroupBy(d => d.Key)
            .ToDictionary(g => g.Key, g => Stats.Median(g.Select(d => d.Value)));

    private static string Label(Measurement m, Contender c) => (c == m.Baseline ? "baseline " : "subject  ") + c.Name;

    private static string Figure(double value, string unit) => $"{value,12:#,0.0} {unit}";

    private static string Details(IReadOnlyDictionary<string, double>? details) =>
        details is null || details.Count == 0 ? "" : "  (" + string.Join(", ", details.Select(d => $"{d.Key} {d.Value:#,0.##}")) + ")";
}
