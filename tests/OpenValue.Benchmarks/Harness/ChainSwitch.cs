namespace OpenValue.Benchmarks.Harness;

/// <summary>
/// Runs a contender with the event chain's trigger (Integrity/Sql/chain.sql) switched off, so one run measures
/// appends with and without it side by side. Only the benchmark does this: it connects as the schema's owner.
/// </summary>
public static class ChainSwitch
{
    public static async Task<Sample> Off(BenchStore bench, Func<CancellationToken, Task<Sample>> run, CancellationToken ct)
    {
        await Set(bench, "disable", ct);
        try
        {
            return await run(ct);
        }
        finally
        {
            await Set(bench, "enable", ct);
        }
    }

    private static async Task Set(BenchStore bench, string state, CancellationToken ct)
    {
        await using var command = bench.Db.CreateCommand($"alter table openvalue.mt_events {state} trigger ov_chain");
        await command.ExecuteNonQueryAsync(ct);
    }
}
