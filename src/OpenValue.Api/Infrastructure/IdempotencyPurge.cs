using Marten;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Deletes idempotency records past their time: at start (which also clears records kept in an earlier
/// layout, whose expiry reads as 0) and every hour. Every node runs it; the deletes are idempotent.
/// </summary>
public sealed class IdempotencyPurge(Idempotency idempotency, IDocumentStore store, ILogger<IdempotencyPurge> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var purged = await idempotency.PurgeExpired(store, stoppingToken);
                logger.LogInformation("Purged {Count} expired idempotency records", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; the records only wait a little longer.
                logger.LogWarning("Purging expired idempotency records failed: {Error}", e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
