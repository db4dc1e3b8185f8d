namespace OpenValue.Api.Infrastructure;

/// <summary>Settings under the "OpenValue" configuration section (environment: OpenValue__FoundingKey, ...).</summary>
public sealed class OpenValueOptions
{
    /// <summary>When set, founding a network needs this key in the X-Founding-Key header.</summary>
    public string? FoundingKey { get; set; }

    /// <summary>
    /// Whether this node takes part in running the async projections (the activity feed). On by default; with
    /// several nodes, Wolverine gives each projection shard to one of the nodes that take part. Off is for a
    /// node that must not write read models, or for a benchmark that bulk-loads events behind the app's back.
    /// </summary>
    public bool RunAsyncProjections { get; set; } = true;

    /// <summary>How many networks one client address may found per hour; 0 or less: no limit.</summary>
    public int FoundingsPerHour { get; set; } = 20;

    /// <summary>How many failed authentications one client address may make per minute before it gets 429.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 20;

    /// <summary>The largest request body accepted, in bytes; larger is 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Whether the app applies the database schema at startup (its role then owns the schema). Off when the schema's
    /// owner runs <c>migrate</c> first and the app connects as a runtime role that may not change it.
    /// </summary>
    public bool ApplySchemaOnStartup { get; set; } = true;

    /// <summary>
    /// The address people reach the app at, which invitation links start with (OPENVALUE_PUBLIC_URL overrides it);
    /// unset: the request's own scheme and host. See <see cref="PublicAddress"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks, comma-separated) whose X-Forwarded-For, -Proto and -Host
    /// headers are believed; unset: nobody's.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>
    /// The PostgreSQL connection string. The OPENVALUE_DB environment variable overrides it;
    /// ConnectionStrings:OpenValue is also read.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration["OPENVALUE_DB"] is { Length: > 0 } fromEnvironment ? fromEnvironment
        : configuration.GetConnectionString("OpenValue") is { Length: > 0 } configured ? configured
        : throw new InvalidOperationException(
            "No database configured: set OPENVALUE_DB (./openvalue.sh run does it for you) or " +
            "ConnectionStrings:OpenValue.");
}
