using System.Runtime.InteropServices;
using Npgsql;

namespace OpenValue.Benchmarks.Harness;

/// <summary>Where and under which settings the figures were taken, read live from the machine and the server.</summary>
public sealed record Header(
    string Date, int Cores, string Memory, string Os, string Runtime, string PostgreSql,
    string Fsync, string SynchronousCommit, string FullPageWrites, string SharedBuffers, string Mode)
{
    public bool Durable => Fsync == "on" && SynchronousCommit != "off";

    public static async Task<Header> Read(NpgsqlDataSource db, Settings settings)
    {
        async Task<string> Show(string name)
        {
            await using var command = db.CreateCommand($"show {name}");
            return (string)(await command.ExecuteScalarAsync())!;
        }
        return new Header(
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            Environment.ProcessorCount,
            MemoryTotal(),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            await Show("server_version"),
            await Show("fsync"),
            await Show("synchronous_commit"),
            await Show("full_page_writes"),
            await Show("shared_buffers"),
            settings.Quick ? "quick" : "full");
    }

    public void Print(Settings settings)
    {
        Console.WriteLine($"OpenValue benchmarks, {Mode} mode — {Date}");
        Console.WriteLine($"machine:    {Cores} cores, {Memory} memory, {Os}, {Runtime}");
        Console.WriteLine($"postgresql: {PostgreSql}; fsync={Fsync}, synchronous_commit={SynchronousCommit}, " +
                          $"full_page_writes={FullPageWrites}, shared_buffers={SharedBuffers}");
        Console.WriteLine(Durable
            ? "durability: ON (fsync on, commits wait for the WAL flush) — figures are for durable writes"
            : "durability: OFF (fsync or synchronous_commit off) — figures are NOT those of a durable server");
        Console.WriteLine($"network:    {settings.Members:#,0} members, {settings.Contributions:#,0} contributions, " +
                          $"seed {settings.Seed}; {settings.Runs} run(s) per contender{(settings.WarmUp ? " after a warm-up round" : "")}, " +
                          "subjects and baseline alternating; " +
                          $"tuned daemon batch size {settings.TunedBatchSize:#,0}");
        Console.WriteLine();
    }

    private static string MemoryTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:")) : null;
        return line is null ? "unknown"
            : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0:0.0} GiB";
    }
}
