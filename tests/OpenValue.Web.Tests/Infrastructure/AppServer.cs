using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenValue.Web.Tests.Infrastructure;

/// <summary>
/// The real app as its own process (<c>dotnet OpenValue.Api.dll</c>, copied beside the tests with the built web
/// app), listening on a free loopback port: the browser talks to exactly what <c>./openvalue.sh run</c> serves.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private AppServer(Process process, Uri address) => (this.process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<AppServer> Start(string connection)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OpenValue.Api.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPENVALUE_DB"] = connection;
        start.Environment["OPENVALUE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var server = new AppServer(Process.Start(start) ?? throw new
            InvalidOperationException("could not start dotnet"),
            new Uri($"http://127.0.0.1:{port}"));
        server.process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilHealthy();
        return server;
    }

    private async Task WaitUntilHealthy()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the app exited with {process.ExitCode}:\n{Output()}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the app did not become healthy in 2 minutes:\n{Output()}");
    }

    /// <summary>The server's last lines of output, for a failing test's message.</summary>
    public string Output()
    {
        lock (lastLines)
            return string.Join('\n', lastLines);
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 60)
                lastLines.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
