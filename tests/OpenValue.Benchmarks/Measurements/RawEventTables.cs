using Npgsql;
using NpgsqlTypes;
using OpenValue.Benchmarks.Harness;
using OpenValue.Benchmarks.Network;

namespace OpenValue.Benchmarks.Measurements;

/// <summary>
/// Measurement 1's baseline: copies of Marten's mt_streams and mt_events (same columns, indexes and the
/// events-to-streams foreign key) in schema bench_raw, filled with Npgsql binary COPY in one transaction.
/// The rows are the ones Marten writes: same ids, versions, JSON (Marten's own serializer), type names.
/// </summary>
public sealed class RawEventTables(BenchStore bench)
{
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

    public async Task Copy(LoadedNetwork network, CancellationToken ct)
    {
        var serializer = bench.Store.Options.Serializer();
        var events = bench.Events;
        var now = DateTimeOffset.UtcNow;
        await using var connection = await bench.Db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var streams = await connection.BeginBinaryImportAsync(
            "copy bench_raw.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) from stdin (format binary)", ct))
        {
            foreach (var stream in network.Streams)
            {
                await streams.StartRowAsync(ct);
                await streams.WriteAsync(stream.Id, NpgsqlDbType.Uuid, ct);
                await streams.WriteNullAsync(ct);
                await streams.WriteAsync((long)stream.Events.Length, NpgsqlDbType.Bigint, ct);
                await streams.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await streams.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await streams.WriteAsync(network.TenantId, NpgsqlDbType.Varchar, ct);
                await streams.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }
            await streams.CompleteAsync(ct);
        }
        await using (var rows = await connection.BeginBinaryImportAsync(
            "copy bench_raw.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived) from stdin (format binary)", ct))
        {
            long sequence = 0;
            foreach (var stream in network.Streams)
                for (var i = 0; i < stream.Events.Length; i++)
                {
                    var data = stream.Events[i];
                    var mapping = events.EventMappingFor(data.GetType());
                    await rows.StartRowAsync(ct);
                    await rows.WriteAsync(++sequence, NpgsqlDbType.Bigint, ct);
                    await rows.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                    await rows.WriteAsync(stream.Id, NpgsqlDbType.Uuid, ct);
                    await rows.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, ct);
                    await rows.WriteAsync(serializer.ToJson(data), NpgsqlDbType.Jsonb, ct);
                    await rows.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar, ct);
                    await rows.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await rows.WriteAsync(network.TenantId, NpgsqlDbType.Varchar, ct);
                    await rows.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar, ct);
                    await rows.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                }
            await rows.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
