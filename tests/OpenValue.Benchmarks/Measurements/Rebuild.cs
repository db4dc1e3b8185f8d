using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

public static class Rebuild
{
    public static Measurement Create(BenchStore bench, LoadedNetwork network) => throw new NotImplementedException();
}
