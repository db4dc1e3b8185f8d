using System.Security.Cryptography;
using Npgsql;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Integrity;

/// <summary>
/// A network's chain head: every event hash of the network folded in sequence order,
/// head(k) = SHA-256(head(k−1) ‖ hash(k)), head(0) empty. Each event's hash covers its stream's previous
/// one; the head ties the streams together, so removing a stream's tail, or a whole stream, changes every
/// head after it. Folded on demand, never on append, so appends to different streams never wait for one
/// another.
/// </summary>
internal sealed class ChainHeads(NpgsqlDataSource db, string schema)
{
    public static readonly ChainHead Empty = new(0, 0, "");

    /// <summary>
    /// Folds on from <paramref name="start"/> through <paramref name="upto"/>, calling <paramref name="step"/> with
    /// the head so far before each event; the result names the last event folded.
    /// </summary>
    public async Task<ChainHead> Fold(
        string tenant, ChainHead start, long upto, CancellationToken cancellation, Action<ChainHead, long>? step = null)
    {
        await using var command = db.CreateCommand(SqlResource.Load("chain_hashes.sql", schema));
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("after", start.Sequence);
        command.Parameters.AddWithValue("upto", upto);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var (head, events, sequence) = (Convert.FromHexString(start.Hash), start.Events, start.Sequence);
        var buffer = new byte[64];
        while (await reader.ReadAsync(cancellation))
        {
            var next = reader.GetInt64(0);
            step?.Invoke(new ChainHead(sequence, events, Convert.ToHexStringLower(head)), next);
            var hash = reader.GetFieldValue<byte[]>(1);
            head = head.Length == 0 ? SHA256.HashData(hash) : Chained(buffer, head, hash);
            (events, sequence) = (events + 1, next);
        }
        return new ChainHead(sequence, events, Convert.ToHexStringLower(head));
    }

    private static byte[] Chained(byte[] buffer, byte[] head, byte[] hash)
    {
        head.CopyTo(buffer, 0);
        hash.CopyTo(buffer, 32);
        return SHA256.HashData(buffer);
    }

    public async Task<IReadOnlyList<(Guid DistributionId, ChainHead Head)>> Anchors(string tenant,
        CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(SqlResource.Load("anchors.sql", schema));
        command.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var anchors = new List<(Guid, ChainHead)>();
        while (await reader.ReadAsync(cancellation))
            anchors.Add((reader.GetGuid(0), new ChainHead(reader.GetInt64(1), reader.GetInt64(2),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(3)))));
        return anchors;
    }
}
