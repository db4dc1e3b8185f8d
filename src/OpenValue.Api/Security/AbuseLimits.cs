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
                var perHour = http.RequestServices.GetRequiredService<IOptions<OpenValueOptions>>().Value.FoundingsPerHour;
                return perHour <= 0
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
                    });
            });
        });
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static ValueTask Reject(HttpContext http, RateLimitLease lease, string code, string detail)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Write(http, Problems.Create(StatusCodes.Status429TooManyRequests, code, detail)));
    }
}

/// <summary>
/// Counts failed authentications per client address: past <see cref="OpenValueOptions.FailedAuthenticationsPerMinute"/>
/// in a minute, that address gets 429 on every route that needs a token until the minute is over, so tokens
/// cannot be guessed at speed.
/// </summary>
public sealed class FailedAuthentications(IOptions<OpenValueOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.FailedAuthenticationsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    /// <summary>A failed lease when the address has used up its failures for this minute (nothing is counted).</summary>
    public RateLimitLease Check(HttpContext http) => limiter.AttemptAcquire(AbuseLimits.ClientAddress(http), 0);

    public void Count(HttpContext http) => limiter.AttemptAcquire(AbuseLimits.ClientAddress(http)).Dispose();

    public void Dispose() => limiter.Dispose();
}
