using Npgsql;
using NpgsqlTypes;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 1's baseline: copies of Marten's mt_streams and mt_events (same columns, defaults, indexes and
/// the events-to-streams foreign key) in schema bench_raw, filled with Npgsql binary COPY in one transaction.
/// The rows are the ones Marten writes: same stream ids, versions, JSON (the app store's own serializer) and
/// type names; <see cref="Differences"/> checks that against what Marten stored.
/// Values go through the importer's synchronous, buffered Write (the fastest way to feed COPY), so the
/// baseline is the best a hand-written loader does.
/// </summary>
public sealed class RawEventTables(BenchStore bench)
{
    // The foreign-key checks of a COPY run when it completes: for millions of rows that takes longer than
    // Npgsql's default 30-second timeout.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    public async Task Create(CancellationToken ct)
    {
        await using var command = bench.Db.CreateCommand("""
            create schema if not exists bench_raw;
            drop table if exists bench_raw.mt_events, bench_raw.mt_streams;
            create table bench_raw.mt_streams (like openvalue.mt_streams including all);
            create table bench_raw.mt_events (like openvalue.mt_events including all);
            alter table bench_raw.mt_events add foreign key (tenant_id, stream_id) references bench_raw.mt_streams (tenant_id, id);
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task Clean(CancellationToken ct)
    {
        await using var command = bench.Db.CreateCommand("truncate bench_raw.mt_events, bench_raw.mt_streams");
        await command.ExecuteNonQueryAsync(ct);
        await bench.Checkpoint(ct);
    }

    public async Task Copy(string tenantId, IReadOnlyList<GeneratedStream> streamsToCopy, CancellationToken ct)
    {
        var serializer = bench.Store.Options.Serializer();
        var events = bench.Events;
        var now = DateTimeOffset.UtcNow;
        await using var connection = await bench.Db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var streams = await connection.BeginBinaryImportAsync(
            "copy bench_raw.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) from stdin (format binary)", ct))
        {
            streams.Timeout = CopyTimeout;
            foreach (var stream in streamsToCopy)
            {
                streams.StartRow();
                streams.Write(stream.Id, NpgsqlDbType.Uuid);
                streams.WriteNull();
                streams.Write((long)stream.Events.Length, NpgsqlDbType.Bigint);
                streams.Write(now, NpgsqlDbType.TimestampTz);
                streams.Write(now, NpgsqlDbType.TimestampTz);
                streams.Write(tenantId, NpgsqlDbType.Varchar);
                streams.Write(false, NpgsqlDbType.Boolean);
            }
            await streams.CompleteAsync(ct);
        }
        await using (var rows = await connection.BeginBinaryImportAsync(
            "copy bench_raw.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived) from stdin (format binary)", ct))
        {
            rows.Timeout = CopyTimeout;
            long sequence = 0;
            foreach (var stream in streamsToCopy)
                for (var i = 0; i < stream.Events.Length; i++)
                {
                    var data = stream.Events[i];
                    var mapping = events.EventMappingFor(data.GetType());
                    rows.StartRow();
                    rows.Write(++sequence, NpgsqlDbType.Bigint);
                    rows.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    rows.Write(stream.Id, NpgsqlDbType.Uuid);
                    rows.Write((long)i + 1, NpgsqlDbType.Bigint);
                    rows.Write(serializer.ToJson(data), NpgsqlDbType.Jsonb);
                    rows.Write(mapping.EventTypeName, NpgsqlDbType.Varchar);
                    rows.Write(now, NpgsqlDbType.TimestampTz);
                    rows.Write(tenantId, NpgsqlDbType.Varchar);
                    rows.Write(mapping.DotNetTypeName, NpgsqlDbType.Varchar);
                    rows.Write(false, NpgsqlDbType.Boolean);
                }
            await rows.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<bool> HasRows(CancellationToken ct) => await bench.Scalar("select count(*) from (select 1 from bench_raw.mt_events limit 1) r", ct) > 0;

    /// <summary>
    /// Events whose type or JSON differ between Marten's mt_events and this table, matched by stream and
    /// version (jsonb equality, so key order and whitespace don't count); also counts rows missing on one side.
    /// </summary>
    public Task<long> Differences(CancellationToken ct) => bench.Scalar("""
        select count(*) from openvalue.mt_events m full join bench_raw.mt_events r using (tenant_id, stream_id, version)
         where m.data is distinct from r.data or m.type is distinct from r.type
        """, ct);
}
