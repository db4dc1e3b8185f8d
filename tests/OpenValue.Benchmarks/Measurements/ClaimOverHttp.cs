using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Founding;
using OpenValue.Benchmarks.Harness;
using OpenValue.Domain.Networks;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 2, interim: concurrent clients creating a new stream over HTTP through the real app, against
/// a bare minimal-API endpoint that parses the same body and INSERTs one row with the same event JSON.
/// Until POST /networks/{n}/contributions lands, the real app's subject is POST /networks (founding: a new
/// stream of two events, two inline projections and a token document in one transaction). To switch, change
/// Request() and the baseline's event to the claim and ContributionSubmitted.
/// </summary>
public static class ClaimOverHttp
{
    public static Measurement Create(BenchStore bench, Settings settings, string connection)
    {
        (WebApplication App, Uri Address)? real = null, bare = null;
        var clients = settings.Quick ? 4 : 16;
        var duration = TimeSpan.FromSeconds(settings.Quick ? 1 : 10);
        return new Measurement(
            "2", "new-stream submission over HTTP (interim subject: POST /networks)", "requests/s",
            new Contender("bare minimal API, one INSERT of the event row", async ct =>
            {
                await Execute(bench, "truncate bench_raw.http_rows", ct);
                return await LoadDriver.Drive(bare!.Value.Address, Request, clients, duration, ct);
            }),
            [
                new Contender("real app: POST /networks (Wolverine + Marten)", async ct =>
                {
                    await bench.Clean(ct);
                    return await LoadDriver.Drive(real!.Value.Address, Request, clients, duration, ct);
                }),
            ],
            [Target.RatioAtLeast(0.8)],
            Prepare: async ct =>
            {
                await Execute(bench, "create schema if not exists bench_raw; create table if not exists bench_raw.http_rows " +
                                     "(id uuid primary key, tenant_id varchar not null, type varchar not null, data jsonb not null, timestamp timestamptz not null)", ct);
                real = await Servers.StartRealApp(connection, ct);
                bare = await Servers.StartBareApi(app => app.MapPost("/networks", (FoundNetworkRequest body) => InsertRow(bench, body)), ct);
                await LoadDriver.WarmUp(real.Value.Address, Request, 20, ct);
                await LoadDriver.WarmUp(bare.Value.Address, Request, 20, ct);
            },
            Finish: async () =>
            {
                if (real is { } r) await r.App.DisposeAsync();
                if (bare is { } b) await b.App.DisposeAsync();
            },
            Note: $"{clients} concurrent clients for {duration.TotalSeconds:0} s per run, both servers in this process; " +
                  "the claim endpoint replaces POST /networks when it lands");
    }

    private static HttpRequestMessage Request() => new(HttpMethod.Post, "/networks")
    {
        Content = JsonContent.Create(new { name = "Wikihouse Makers", currency = "EUR", founder = new { name = "Ada" } }),
    };

    private static async Task<IResult> InsertRow(BenchStore bench, FoundNetworkRequest body)
    {
        var networkId = Guid.CreateVersion7();
        var founded = new NetworkFounded(networkId, body.Name!, body.Currency!, Guid.CreateVersion7(), SystemClock.Instance.GetCurrentInstant());
        await using var command = bench.Db.CreateCommand("insert into bench_raw.http_rows (id, tenant_id, type, data, timestamp) values ($1, $2, $3, $4::jsonb, now())");
        command.Parameters.AddWithValue(networkId);
        command.Parameters.AddWithValue(networkId.ToString());
        command.Parameters.AddWithValue("network_founded");
        command.Parameters.AddWithValue(JsonSerializer.Serialize(founded, JsonOptions));
        await command.ExecuteNonQueryAsync();
        return Results.Created($"/networks/{networkId}", new { networkId });
    }

    private static readonly JsonSerializerOptions JsonOptions = Json.Configure(new JsonSerializerOptions());

    private static async Task Execute(BenchStore bench, string sql, CancellationToken ct)
    {
        await using var command = bench.Db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
