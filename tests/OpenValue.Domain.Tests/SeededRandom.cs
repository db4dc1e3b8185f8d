namespace OpenValue.Domain.Tests;

/// <summary>
/// A tiny deterministic generator (SplitMix64) for property tests, so the cases are the same on every
/// machine and run; System.Random's sequence is not promised across .NET versions.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, bound).</summary>
    public long Below(long bound) => (long)(Next() % (ulong)bound);

    public Guid NextGuid()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), Next());
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), Next());
        return new Guid(bytes);
    }

    /// <summary>1 to <paramref name="maxCount"/> members; one weight in five is zero, the rest have up to four decimals.</summary>
    public Dictionary<Guid, decimal> Weights(int maxCount)
    {
        var count = 1 + (int)Below(maxCount);
        var weights = new Dictionary<Guid, decimal>();
        for (var i = 0; i < count; i++)
            weights[NextGuid()] = Below(5) == 0 ? 0m : Below(100_000_000) / 10_000m;
        return weights;
    }
}
