namespace OpenValue.Api.Infrastructure;

/// <summary>Settings under the "OpenValue" configuration section (environment: OpenValue__FoundingKey, ...).</summary>
public sealed class OpenValueOptions
{
    /// <summary>When set, founding a network needs this key in the X-Founding-Key header.</summary>
    public string? FoundingKey { get; set; }

    /// <summary>
    /// The PostgreSQL connection string. The OPENVALUE_DB environment variable overrides it;
    /// ConnectionStrings:OpenValue is also read.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration["OPENVALUE_DB"] is { Length: > 0 } fromEnvironment ? fromEnvironment
        : configuration.GetConnectionString("OpenValue") is { Length: > 0 } configured ? configured
        : throw new InvalidOperationException(
            "No database configured: set OPENVALUE_DB (./openvalue.sh run does it for you) or ConnectionStrings:OpenValue.");
}
