namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// One run's result: the headline figure (its unit is the measurement's) and optional secondary figures
/// such as p50/p99 latencies or peak memory, which are reported but not compared.
/// </summary>
public sealed record Sample(double Value, IReadOnlyDictionary<string, double>? Details = null);

/// <summary>One side of a comparison: a named way of doing the same work, run once per call.</summary>
public sealed record Contender(string Name, Func<CancellationToken, Task<Sample>> Run);

/// <summary>
/// What a measurement must reach. A ratio target compares each subject's median to the baseline's median
/// (subject / baseline, so "≥ 0.5" reads "at least half the baseline's throughput"); an absolute target
/// bounds the subject's median itself, or, naming a <see cref="Detail"/>, the median of that secondary figure.
/// </summary>
public sealed record Target(string Text, Func<double, double, bool> IsMet, string? Detail = null)
{
    public static Target RatioAtLeast(double minimum) =>
        new($"ratio ≥ {minimum:0.##}", (ratio, _) => ratio >= minimum);

    public static Target FigureAtLeast(double minimum, string unit) =>
        new($"≥ {minimum:#,0.##} {unit}", (_, figure) => figure >= minimum);

    public static Target FigureBelow(double maximum, string unit) =>
        new($"< {maximum:#,0.##} {unit}", (_, figure) => figure < maximum);

    public static Target DetailBelow(string detail, double maximum) =>
        new($"{detail} < {maximum:#,0.##}", (_, value) => value < maximum, detail);
}

/// <summary>
/// A numbered measurement from issue 6: subjects and their baseline do the same work and run alternately in
/// the same process, so a noisy machine slows both. Prepare runs once before the runs (loading data, starting
/// servers) and Finish once after them, even when a run fails;
/// every contender cleans up what it needs before it starts.
/// </summary>
public sealed record Measurement(
    string Id,
    string Title,
    string Unit,
    Contender Baseline,
    IReadOnlyList<Contender> Subjects,
    IReadOnlyList<Target> Targets,
    Func<CancellationToken, Task>? Prepare = null,
    Func<Task>? Finish = null,
    string? Note = null);

/// <summary>A measurement that cannot run on today's code, and what it is waiting for.</summary>
public sealed record NotYetMeasurable(string Id, string Title, string Needs);
