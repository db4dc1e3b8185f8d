using Marten;
using Marten.Events;
using OpenValue.Api.Activity;
using OpenValue.Benchmarks.Harness;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 6: how long after its commit a fact appears in the app's async projection (the activity feed),
/// under a steady, open-loop load of real claims (<c>POST /networks/{n}/contributions</c> at a fixed rate, sent
/// on schedule whether or not earlier ones have answered), with the real app and its daemon in this process.
/// A <see cref="LagProbe"/> on its own connection sees each event's commit and the Activity shard's progression
/// passing it; the lag is the time between the two sightings. The baseline is the commit latency of the same
/// load (each claim's time to answer): what a member already waits for their own write. A second subject runs
/// the app with Marten's LISTEN/NOTIFY wake-up instead of its polling, to show what that option would change.
/// </summary>
public static class ProjectionLag
{
    private const int Contributors = 8;

    public static Measurement Create(BenchStore bench, Settings settings, string connection)
    {
        // 50 claims/s is about a quarter of what measurement 2 measured the claim endpoint at: a steady load, not an overload.
        var load = new SteadyClaims(settings.Quick ? 40 : 50, TimeSpan.FromSeconds(settings.Quick ? 2 : 20));
        var apps = new AppSlot(connection);
        Guid networkId = default;
        var tokens = new string[Contributors];
        Task<Sample> Run(bool listenNotify, bool probe, CancellationToken ct) => Measure(apps, networkId, tokens, load, listenNotify, probe, ct);
        return new Measurement(
            "6", "commit-to-projection lag of the async projection (activity feed) under steady claim load", "ms p99",
            new Contender("commit latency of the same load: POST /contributions answered", ct => Run(listenNotify: false, probe: false, ct)),
            [
                new Contender("async lag: commit → Activity shard progression (app as configured, polling)", ct => Run(listenNotify: false, probe: true, ct)),
                new Contender("async lag with Marten's LISTEN/NOTIFY wake-up (not the app's setting)", ct => Run(listenNotify: true, probe: true, ct)),
            ],
            [Target.FigureBelow(1000, "ms p99")],
            Prepare: async ct =>
            {
                await bench.Clean(ct);
                await bench.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(ActivityEntry), ct);
                await Servers.ForgetStoppedNodes(bench.Db, ct);
                (networkId, _) = await SteadyClaims.Network((await apps.Use(listenNotify: false, ct)).Address, tokens, ct);
            },
            Finish: apps.Stop,
            Note: $"{load}, {Contributors} contributors in turn, one new contribution stream and one event each; the real app (daemon run by " +
                  "Wolverine, Solo as one node) in this process, restarted only to switch the wake-up setting, warmed up, its daemon caught up " +
                  "before each run; one poller sees commits and progression (its period in the details is the resolution); " +
                  "ratio = subject p99 / baseline p99; the target is the feed's own (docs/architecture.md), issue 6 names none");
    }

    private static async Task<Sample> Measure(
        AppSlot apps, Guid networkId, string[] tokens, SteadyClaims load, bool listenNotify, bool probe, CancellationToken ct)
    {
        var (app, address) = await apps.Use(listenNotify, ct);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await load.WarmUp(address, networkId, tokens, ct);
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var lag = probe ? await LagProbe.Start(store, networkId, ActivityProjection.ProjectionName + ":All", ct) : null;
        var commits = await load.Drive(address, networkId, tokens, ct);
        var details = commits.Details();
        if (lag is null)
            return new Sample(Stats.Percentile(commits.Latencies, 99), details);
        var lags = await lag.Finish(expected: commits.Latencies.Count, ct);
        details["p50 lag ms"] = Stats.Percentile(lags.Lags, 50);
        details["p99 lag ms"] = Stats.Percentile(lags.Lags, 99);
        details["max lag ms"] = lags.Lags.Max();
        details["poll period ms"] = lags.PollPeriodMs;
        return new Sample(Stats.Percentile(lags.Lags, 99), details);
    }

    /// <summary>The one app running on the benchmark database, restarted only when a run wants the other wake-up setting.</summary>
    private sealed class AppSlot(string connection)
    {
        private (WebApplication App, Uri Address, bool ListenNotify)? _current;

        public async Task<(WebApplication App, Uri Address)> Use(bool listenNotify, CancellationToken ct)
        {
            if (_current is { } running && running.ListenNotify == listenNotify)
                return (running.App, running.Address);
            await Stop();
            var (app, address) = await Servers.StartRealApp(connection, ct, asyncProjections: true, configure: listenNotify
                ? builder => builder.Services.ConfigureMarten(o => o.Events.UseListenNotifyForEventAppends = true)
                : null);
            _current = (app, address, listenNotify);
            return (app, address);
        }

        public async Task Stop()
        {
            if (_current is { } running)
            {
                _current = null;
                await Servers.Stop(running.App);
            }
        }
    }
}
