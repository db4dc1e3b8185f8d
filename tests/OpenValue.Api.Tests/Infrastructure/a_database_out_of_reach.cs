using System.Net;
using System.Net.Sockets;
using Alba;
using JasperFx.CommandLine;
using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// With PostgreSQL out of reach a request is refused as 503 with Retry-After, in the one problem shape, not
/// an unexpected 500. The app runs against a TCP relay to the test database; closing the relay takes the
/// database away from it mid-life, as a failed network or a restarting server would.
/// </summary>
public sealed class a_database_out_of_reach : IAsyncLifetime
{
    private readonly Relay relay = new();
    private IAlbaHost host = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        var real = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test."));
        var port = relay.Start(real.Host!, real.Port);
        var relayed = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = "127.0.0.1", Port = port,
            Timeout = 3 };
        host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("OPENVALUE_DB", relayed.ConnectionString);
            builder.UseSetting("OpenValue:RunAsyncProjections", "false");
        });
    }

    public async Task DisposeAsync()
    {
        relay.Resume();
        await host.DisposeAsync();
        relay.Dispose();
    }

    [Fact]
    public async Task a_request_gets_503_with_retry_after_and_health_says_unreachable()
    {
        var api = new ApiClient(host);
        var network = await api.Found();
        relay.Cut();

        var refused = await api.Get($"/networks/{network.NetworkId}/members", network.Token);
        refused.ShouldBeProblem(503, code: "database-unavailable");
        refused.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        (await api.Post("/networks", new { name = "Later", currency = "EUR", founder = new { name = "Ada" } }))
            .ShouldBeProblem(503);
        var health = await api.Get<HealthResponse>("/health");
        health.Expect(503).Database.Should().Be("unreachable");
        health.Response.Headers.RetryAfter.Should().NotBeNull();
    }

    /// <summary>
    /// Relays loopback connections to PostgreSQL until cut; a cut closes every open connection and refuses new ones.
    /// </summary>
    private sealed class Relay : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> open = [];
        private volatile bool cut;
        private string targetHost = "";
        private int targetPort;

        public int Start(string targetHost, int targetPort)
        {
            (this.targetHost, this.targetPort) = (targetHost, targetPort);
            listener.Start();
            _ = Accept();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Cut()
        {
            cut = true;
            lock (open)
            {
                foreach (var client in open)
                    client.Dispose();
                open.Clear();
            }
        }

        public void Resume() => cut = false;

        private async Task Accept()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                    return;
                }
                if (cut)
                {
                    client.Dispose();
                    continue;
                }
                _ = Pipe(client);
            }
        }

        private async Task Pipe(TcpClient client)
        {
            var server = new TcpClient();
            lock (open)
                open.AddRange([client, server]);
            try
            {
                await server.ConnectAsync(targetHost, targetPort);
                await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream()
                    .CopyToAsync(client.GetStream()));
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // a cut connection ends here
            }
            finally
            {
                client.Dispose();
                server.Dispose();
            }
        }

        public void Dispose()
        {
            Cut();
            listener.Stop();
        }
    }
}
