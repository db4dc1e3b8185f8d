using OpenValue.Benchmarks.Harness;

namespace OpenValue.Benchmarks.Network;

/// <summary>One contribution stream: its id and its events, oldest first.</summary>
public sealed record GeneratedStream(Guid Id, object[] Events);

/// <summary>
/// The generated network's contribution streams, built once and shared by every measurement, so that
/// generating them is never part of a timed run.
/// </summary>
public sealed class LoadedNetwork(Settings settings)
{
    private GeneratedStream[]? _streams;

    public Generator Generator { get; } = new(settings.Seed, settings.Members);

    /// <summary>The network id is the Marten tenant id of everything the network holds.</summary>
    public string TenantId => Generator.NetworkId.ToString();

    public IReadOnlyList<GeneratedStream> Streams =>
        _streams ??= [.. Generator.Contributions(settings.Contributions).Select(c => new GeneratedStream(c.Id, ContributionEvents.For(c)))];

    public long EventCount => Streams.Sum(s => (long)s.Events.Length);
}
