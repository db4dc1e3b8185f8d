using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// Opt-in (<c>OPENVALUE_BENCH_PROFILE=1</c>): where a timed piece of work spent its time. It prints the CPU
/// seconds of this process and of the local PostgreSQL server's processes, and, when the server loads
/// pg_stat_statements (<c>shared_preload_libraries</c>, <c>pg_stat_statements.track = all</c> to see inside
/// PL/pgSQL functions), the statements by total execution time. Off by default: resetting and reading the
/// statistics is not part of any figure.
/// </summary>
public sealed partial class StatementProfile(NpgsqlDataSource db)
{
    public static bool Enabled => Environment.GetEnvironmentVariable("OPENVALUE_BENCH_PROFILE") == "1";

    public async Task<TimeSpan> Around(string label, Func<Task<TimeSpan>> work, CancellationToken ct)
    {
        if (!Enabled) return await work();
        var statements = await HasStatements(ct);
        if (statements) await Execute("select pg_stat_statements_reset()", ct);
        var postmaster = await Postmaster(ct);
        var (ownBefore, serverBefore) = (Process.GetCurrentProcess().TotalProcessorTime, CpuSeconds(postmaster));
        var elapsed = await work();
        var serverAfter = CpuSeconds(postmaster);
        var own = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalSeconds;
        var serverCpu = serverAfter.Sum(p => p.Value - serverBefore.GetValueOrDefault(p.Key));
        Console.WriteLine($"      profile {label}: {elapsed.TotalSeconds:0.0} s wall, this process {own:0.0} CPU-s, PostgreSQL {serverCpu:0.0} CPU-s");
        if (statements) await PrintStatements(ct);
        return elapsed;
    }

    private async Task PrintStatements(CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            select toplevel, calls, total_exec_time, query from pg_stat_statements
             where query not like '%pg_stat_statements%' order by total_exec_time desc limit 10
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var query = Spaces().Replace(reader.GetString(3), " ");
            Console.WriteLine($"        {(reader.GetBoolean(0) ? "top   " : "nested")} {reader.GetInt64(1),9:#,0} calls {reader.GetDouble(2) / 1000,8:0.00} s  " +
                              $"{query[..Math.Min(query.Length, 110)]}");
        }
    }

    private async Task<bool> HasStatements(CancellationToken ct)
    {
        await using var command = db.CreateCommand("select count(*) from pg_extension where extname = 'pg_stat_statements'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0 && await Preloaded(ct);
    }

    private async Task<bool> Preloaded(CancellationToken ct)
    {
        await using var command = db.CreateCommand("select current_setting('shared_preload_libraries')");
        return ((string)(await command.ExecuteScalarAsync(ct))!).Contains("pg_stat_statements");
    }

    /// <summary>The server's postmaster, found from this connection's backend (local servers only).</summary>
    private async Task<int?> Postmaster(CancellationToken ct)
    {
        await using var command = db.CreateCommand("select pg_backend_pid()");
        return ParentOf(Convert.ToInt32(await command.ExecuteScalarAsync(ct)));
    }

    private static int? ParentOf(int pid) => Stat(pid) is { } fields ? int.Parse(fields[1]) : null;

    /// <summary>Fields after the command name of /proc/pid/stat (state is [0], ppid [1], utime [11], stime [12]).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// CPU seconds of the postmaster and each of its children by pid. A backend that starts during the work
    /// counts whole; one that ends during it is lost, so the server's figure is a lower bound.
    /// </summary>
    private static Dictionary<int, double> CpuSeconds(int? postmaster)
    {
        if (postmaster is not { } root) return [];
        var pids = Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid == root || (pid > 0 && ParentOf(pid) == root));
        return pids.Select(pid => (pid, stat: Stat(pid))).Where(p => p.stat is not null)
            .ToDictionary(p => p.pid, p => (long.Parse(p.stat![11]) + long.Parse(p.stat[12])) / 100.0);
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
