using System.Diagnostics;
using JasperFx.CommandLine;
using Marten;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

public sealed class VerifyInput : NetCoreInput
{
    [Description("Verify only this network (its id); without it, every network in the database")]
    public string NetworkFlag { get; set; } = "";
}

/// <summary>
/// <c>dotnet OpenValue.Api.dll verify [--network ID]</c> (<c>./openvalue.sh verify</c>): the integrity check of
/// GET /networks/{n}/integrity for one network or all, with progress on stderr. Exits non-zero on any break.
/// </summary>
[Description("Walk each network's event chain and recompute its documents and ledger from the events", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var networks = input.NetworkFlag.Length > 0 ? [Guid.Parse(input.NetworkFlag)] : await Networks(store);
        var intact = true;
        foreach (var network in networks)
            intact &= await VerifyOne(new Verifier(store), network);
        Console.WriteLine(intact ? $"verify: {networks.Count} network(s) intact" : "verify: BROKEN (see above)");
        return intact;
    }

    private static async Task<bool> VerifyOne(Verifier verifier, Guid network)
    {
        var clock = Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        void Progress(IntegrityProgress p)
        {
            if (clock.Elapsed - lastShown < TimeSpan.FromSeconds(2)) return;
            lastShown = clock.Elapsed;
            Console.Error.WriteLine(
                $"  {network} {p.Step}: {p.Done:#,0} of {p.Total:#,0} events ({clock.Elapsed.TotalSeconds:0} s)");
        }
        var report = await verifier.Verify(network, Progress, CancellationToken.None);
        var rate = report.EventsChecked / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"{network}: {(report.Intact ? "intact" : "BROKEN")}; {report.EventsChecked:#,0} events, " +
            $"{report.AnchorsChecked} recorded heads, {report.DocumentsChecked:#,0} documents, " +
            $"{report.LedgerRowsChecked:#,0} ledger entries in {clock.Elapsed.TotalSeconds:0.0} s ({rate:#,0} events/s); " +
            $"head {report.Head.Events}@{report.Head.Sequence} {report.Head.Hash}");
        foreach (var b in report.Breaks)
            Console.WriteLine($"  {b.Kind} {b.Document ?? b.StreamId?.ToString()} v{b.Version} seq {b.Sequence}: {b.What}");
        return report.Intact;
    }

    private static async Task<IReadOnlyList<Guid>> Networks(IDocumentStore store)
    {
        await using var command = ChainAnchors.Db(store).CreateCommand(
            SqlResource.Load("networks.sql", store.Options.DatabaseSchemaName));
        await using var reader = await command.ExecuteReaderAsync();
        var networks = new List<Guid>();
        while (await reader.ReadAsync())
            if (Guid.TryParse(reader.GetString(0), out var id)) networks.Add(id);
        return networks;
    }
}
