using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Contributions;
using OpenValue.Api.Infrastructure;
using OpenValue.Benchmarks.Harness;
using ContributionSubmitted = OpenValue.Domain.Contributions.ContributionSubmitted;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 2: concurrent members submitting claims, <c>POST /networks/{n}/contributions</c>, through the
/// real app (bearer token, Wolverine, the network's live aggregate, FetchForWriting, the claim's decision, the
/// inline ContributionView and the append in one transaction), against a bare minimal-API endpoint that
/// parses the same body and INSERTs one row with the same ContributionSubmitted JSON. Prepare founds one
/// network through the real app and admits one contributor per client, each with its own token.
/// </summary>
public static class ClaimOverHttp
{
    public static Measurement Create(BenchStore bench, Settings settings, string connection)
    {
        (WebApplication App, Uri Address)? real = null, bare = null;
        var clients = settings.Quick ? 4 : 16;
        var duration = TimeSpan.FromSeconds(settings.Quick ? 1 : 10);
        Guid networkId = default;
        var tokens = new string[clients];
        HttpRequestMessage Claim(int client) => Request(networkId, tokens[client]);
        return new Measurement(
            "2", "claim submission over HTTP, POST /networks/{n}/contributions", "requests/s",
            new Contender("bare minimal API, one INSERT of the ContributionSubmitted row", async ct =>
            {
                await Execute(bench, "truncate bench_raw.http_rows", ct);
                return await LoadDriver.Drive(bare!.Value.Address, Claim, clients, duration, ct);
            }),
            [
                // Claims accumulate across runs in the one network (no cleaning in between: that would delete the network).
                new Contender("real app: POST /networks/{n}/contributions (Wolverine + Marten)", ct =>
                    LoadDriver.Drive(real!.Value.Address, Claim, clients, duration, ct)),
                new Contender("the same app, event chain off (its keeper paused)", ct => ChainSwitch.Off(bench,
                    c => LoadDriver.Drive(real!.Value.Address, Claim, clients, duration, c), ct)),
            ],
            [Target.RatioAtLeast(0.8)],
            Prepare: async ct =>
            {
                await bench.Clean(ct);
                await Execute(bench, "create schema if not exists bench_raw; create table if not exists bench_raw.http_rows " +
                                     "(id uuid primary key, tenant_id varchar not null, type varchar not null, data jsonb not null, timestamp timestamptz not null)", ct);
                real = await Servers.StartRealApp(connection, ct, asyncProjections: true);
                bare = await Servers.StartBareApi(app => app.MapPost("/networks/{networkId:guid}/contributions",
                    (Guid networkId, SubmitContributionRequest body, HttpContext http) => InsertRow(bench, networkId, body, http)), ct);
                (networkId, var founderToken) = await Found(real.Value.Address, ct);
                for (var i = 0; i < clients; i++)
                    tokens[i] = await Admit(real.Value.Address, networkId, founderToken, $"Member {i + 1}", ct);
                await LoadDriver.WarmUp(real.Value.Address, () => Claim(0), 20, ct);
                await LoadDriver.WarmUp(bare.Value.Address, () => Claim(0), 20, ct);
            },
            Finish: async () =>
            {
                if (real is { } r) await Servers.Stop(r.App);
                if (bare is { } b) await b.App.DisposeAsync();
            },
            Note: $"{clients} concurrent clients (one admitted contributor and token each) for {duration.TotalSeconds:0} s per run, " +
                  "both servers in this process; the real app runs its async daemon (the activity feed) as a deployed node does; " +
                  "the bare endpoint does not check the token; the real app's event tables hold only " +
                  "this network's claims (not a bulk-loaded 1M network)");
    }

    /// <summary>One claim of 12.5 hours of work by the token's member (also measurement 6's load).</summary>
    internal static HttpRequestMessage Request(Guid networkId, string token)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/networks/{networkId}/contributions")
        {
            Content = JsonContent.Create(new
            {
                kind = "work", quantity = "12.5", unit = "hour", occurredOn = "2026-11-20",
                description = "Designed and tested the router jig for batch 4711, see notes and photos",
                evidenceUrl = "https://wiki.example.org/evidence/00001234/5678abcd", projectId = (string?)null,
            }),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    internal static async Task<(Guid NetworkId, string Token)> Found(Uri server, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var response = await http.PostAsJsonAsync("/networks", new { name = "Wikihouse Makers", currency = "EUR", founder = new { name = "Ada" } }, ct);
        var body = await Answer(response, ct);
        return (Guid.Parse(body["networkId"]!.GetValue<string>()), body["token"]!.GetValue<string>());
    }

    internal static async Task<string> Admit(Uri server, Guid networkId, string founderToken, string name, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/networks/{networkId}/members")
            { Content = JsonContent.Create(new { name, roles = new[] { "contributor" }, stakeholderClass = "labour" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", founderToken);
        using var response = await http.SendAsync(request, ct);
        return (await Answer(response, ct))["token"]!.GetValue<string>();
    }

    private static async Task<JsonNode> Answer(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<IResult> InsertRow(BenchStore bench, Guid networkId, SubmitContributionRequest body, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var now = SystemClock.Instance.GetCurrentInstant();
        var submitted = new ContributionSubmitted(id, Guid.CreateVersion7(), body.Kind!, decimal.Parse(body.Quantity!, System.Globalization.CultureInfo.InvariantCulture),
            body.Unit!, LocalDatePattern.Iso.Parse(body.OccurredOn!).Value, body.Description!, body.EvidenceUrl, null, now);
        await using var command = bench.Db.CreateCommand("insert into bench_raw.http_rows (id, tenant_id, type, data, timestamp) values ($1, $2, $3, $4::jsonb, now())");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(networkId.ToString());
        command.Parameters.AddWithValue("contribution_submitted");
        command.Parameters.AddWithValue(JsonSerializer.Serialize(submitted, JsonOptions));
        await command.ExecuteNonQueryAsync(http.RequestAborted);
        return Results.Created($"/networks/{networkId}/contributions/{id}", new ContributionSubmittedResponse(id));
    }

    private static readonly JsonSerializerOptions JsonOptions = Json.Configure(new JsonSerializerOptions());

    private static async Task Execute(BenchStore bench, string sql, CancellationToken ct)
    {
        await using var command = bench.Db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
