using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// The real app as its own process (<c>dotnet OpenValue.Api.dll</c>, copied beside this program by the project
/// reference), so that a measurement can read the server's own peak memory rather than this process's. Linux
/// only for the memory figure: it reads VmHWM, the peak resident set size, from /proc.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> Start(string connection, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OpenValue.Api.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OPENVALUE_DB"] = connection;
        start.Environment["OPENVALUE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Measurement 5 bulk-loads its network behind the app's back: a daemon would spend the timed runs
        // projecting those events into the activity feed (see Servers.StartRealApp).
        start.Environment["OpenValue__RunAsyncProjections"] = "false";
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"), new Uri($"http://127.0.0.1:{port}"));
        app.process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilHealthy(ct);
        return app;
    }

    /// <summary>The server process's peak resident memory so far, in MiB (VmHWM).</summary>
    public double PeakResidentMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    private async Task WaitUntilHealthy(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the app exited with {process.ExitCode}: {string.Join(Environment.NewLine, Lines())}");
            try
            {
                using var response = await http.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"the app did not become healthy in 2 minutes: {string.Join(Environment.NewLine, Lines())}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    private string[] Lines()
    {
        lock (lastLines) return [.. lastLines];
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
