using OpenValue.Benchmarks.Harness;

namespace OpenValue.Benchmarks.Network;

/// <summary>One stream: its id and its events, oldest first.</summary>
public sealed record GeneratedStream(Guid Id, object[] Events);

/// <summary>
/// The generated network as the app's real events, built once and shared by every measurement, so that
/// generating them is never part of a timed run: the network stream and one stream per contribution.
/// </summary>
public sealed class LoadedNetwork(Settings settings)
{
    private List<GeneratedContribution>? _contributions;
    private GeneratedStream? _networkStream;
    private GeneratedStream[]? _contributionStreams;

    public Generator Generator { get; } = new(settings.Seed, settings.Members);

    /// <summary>The network id is the Marten tenant id of everything the network holds.</summary>
    public string TenantId => Generator.NetworkId.ToString();

    /// <summary>The generated claims, in the order they were submitted.</summary>
    public IReadOnlyList<GeneratedContribution> Contributions => _contributions ??= [.. Generator.Contributions(settings.Contributions)];

    /// <summary>Founding, every admission and the three value equations (stream id = network id).</summary>
    public GeneratedStream NetworkStream => _networkStream ??= new(Generator.NetworkId, RealEvents.NetworkStream(Generator));

    /// <summary>One stream per contribution: submitted, then reviewed and accepted or rejected (85% of them).</summary>
    public IReadOnlyList<GeneratedStream> ContributionStreams =>
        _contributionStreams ??= [.. Contributions.Select(c => new GeneratedStream(c.Id, RealEvents.Contribution(c)))];

    /// <summary>The network stream, then the contribution streams.</summary>
    public IReadOnlyList<GeneratedStream> AllStreams => [NetworkStream, .. ContributionStreams];

    public long ContributionEventCount => ContributionStreams.Sum(s => (long)s.Events.Length);

    /// <summary>What every rebuild of the points must give: each member's points over all accepted contributions.</summary>
    public IReadOnlyDictionary<Guid, decimal> PointsByMember() =>
        Contributions.Where(c => c.Review is { Approved: true }).GroupBy(c => c.MemberId).ToDictionary(g => g.Key, g => g.Sum(c => c.Review!.Points));

    public int Acceptances => Contributions.Count(c => c.Review is { Approved: true });
}
