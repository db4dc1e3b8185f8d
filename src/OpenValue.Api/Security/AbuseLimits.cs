using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Security;

/// <summary>
/// Limits on abuse, per client address (ASP.NET Core's rate limiter): failed authentications (a guessed or
/// revoked token) and foundings. Past a limit the answer is 429 with Retry-After until the window ends.
/// </summary>
public static class AbuseLimits
{
    public const string FoundingPolicy = "founding";

    public static void AddAbuseLimits(this IServiceCollection services)
    {
        services.AddSingleton<FailedAuthentications>();
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = (context, cancellation) => Reject(context.HttpContext, context.Lease,
                "too-many-foundings", "This address has founded too many networks in the last hour; try again later.");
            limiter.AddPolicy(FoundingPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<OpenValueOptions>>().Value;
                return options.FoundingsPerHour <= 0
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http),
                        _ => Window(options.FoundingsPerHour, TimeSpan.FromHours(1)));
            });
        });
    }

    public static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 };

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static ValueTask Reject(HttpContext http, RateLimitLease lease, string code, string detail) =>
        new(new Refusal(lease, code, detail).ExecuteAsync(http));

    /// <summary>429 with the lease's Retry-After (read at once, so the lease may be disposed before it runs).</summary>
    public sealed class Refusal(RateLimitLease lease, string code, string detail) : IResult
    {
        private readonly string? retryAfter = RetryAfterSeconds(lease);

        public Task ExecuteAsync(HttpContext http)
        {
            if (retryAfter is not null)
                http.Response.Headers.RetryAfter = retryAfter;
            return Problems.Write(http, Problems.Create(StatusCodes.Status429TooManyRequests, code, detail));
        }
    }

    /// <summary>The lease's Retry-After in whole seconds, if it says when to retry.</summary>
    public static string? RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Ceiling(after.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture)
            : null;
}

/// <summary>
/// Counts failed authentications per client address: past <see cref="OpenValueOptions.FailedAuthenticationsPerMinute"/>
/// in a minute, that address gets 429 on every route that needs a token until the minute is over, so tokens
/// cannot be guessed at speed.
/// </summary>
public sealed class FailedAuthentications(IOptions<OpenValueOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address,
            _ => AbuseLimits.Window(options.Value.FailedAuthenticationsPerMinute, TimeSpan.FromMinutes(1))));

    /// <summary>
    /// A failed lease when the address has used up its failures for this minute (nothing is counted).
    /// </summary>
    public RateLimitLease Check(HttpContext http) => limiter.AttemptAcquire(AbuseLimits.ClientAddress(http), 0);

    public void Count(HttpContext http) => limiter.AttemptAcquire(AbuseLimits.ClientAddress(http)).Dispose();

    public void Dispose() => limiter.Dispose();
}
