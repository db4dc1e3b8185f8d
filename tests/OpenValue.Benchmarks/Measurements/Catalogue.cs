using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>One entry per measurement of issue 6, runnable or waiting for the code it needs.</summary>
public sealed record Entry(string Id, Measurement? Measurement, NotYetMeasurable? Pending);

/// <summary>
/// Issue 6's six measurements in order. To make a pending one runnable, replace its NotYetMeasurable with a
/// Measurement built by a class in this folder (see BulkAppend and Rebuild for the shape).
/// </summary>
public static class Catalogue
{
    public static IEnumerable<Entry> All(Settings settings, BenchStore bench, BenchStore tuned, string connection)
    {
        var network = new LoadedNetwork(settings);
        yield return Run(BulkAppend.Create(bench, network));
        yield return Run(ClaimOverHttp.Create(bench, settings, connection));
        yield return Run(Rebuild.Create(bench, tuned, settings.TunedBatchSize, network, settings.RebuildAllOnly));
        yield return Run(SharesQuery.Create(bench, settings, connection, network));
        yield return Run(DistributionProposal.Create(bench, settings, connection, network));
        yield return Run(ProjectionLag.Create(bench, settings, connection));
        yield return Run(Verify.Create(bench, network));
    }

    private static Entry Run(Measurement m) => new(m.Id, m, null);

    private static Entry Wait(NotYetMeasurable p) => new(p.Id, null, p);
}
