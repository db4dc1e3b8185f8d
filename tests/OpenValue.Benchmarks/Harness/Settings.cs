namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// Command-line settings. Full mode is the documented measurement; --quick runs every measurement once on a
/// tiny network to prove it runs and gives sane numbers (it is what ./openvalue.sh test exercises).
/// </summary>
public sealed record Settings(
    bool Quick, int Runs, int Contributions, int Members, int Seed, IReadOnlySet<string>? Only, string OutputFolder, int? RebuildBatchSize, bool WarmUp, bool RebuildAllOnly = false)
{
    public const string Usage =
        "usage: bench [--quick] [--runs N] [--contributions N] [--members N] [--seed N] [--only 1,3] [--rebuild-batch N] [--rebuild-all-only] [--no-warmup]";

    public static Settings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        int? Int(string name) => Value(args, name) is { } text ? int.Parse(text) : null;
        var only = Value(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var output = Environment.GetEnvironmentVariable("OPENVALUE_BENCH_OUT") is { Length: > 0 } o ? o : Path.Combine(".data", "bench");
        var settings = new Settings(
            quick,
            Int("--runs") ?? (quick ? 1 : 3),
            Int("--contributions") ?? (quick ? 2_000 : 100_000),
            Int("--members") ?? (quick ? 200 : 10_000),
            Int("--seed") ?? 20261126,
            only,
            output,
            Int("--rebuild-batch"),
            WarmUp: !quick && !args.Contains("--no-warmup"),
            RebuildAllOnly: args.Contains("--rebuild-all-only"));
        if (settings.Runs < 1 || settings.Contributions < 1 || settings.Members < 2)
            throw new ArgumentException(Usage);
        return settings;
    }

    /// <summary>The daemon batch size measurement 3 compares with Marten's default.</summary>
    public int TunedBatchSize => RebuildBatchSize ?? 25_000;

    public bool Includes(string id) => Only is null || Only.Contains(id);

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
