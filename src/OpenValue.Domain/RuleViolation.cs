namespace OpenValue.Domain;

/// <summary>How a refused command maps onto the outside world (HTTP status, CLI exit code).</summary>
public enum RefusalKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>
/// A command the domain refuses. Decisions throw it before anything is appended, so a refusal never
/// leaves a partial effect behind. <see cref="Code"/> is machine-readable; <see cref="Field"/> names the
/// offending request field when there is one.
/// </summary>
public sealed class RuleViolation(RefusalKind kind, string code, string message, string? field = null)
    : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
    public string Code { get; } = code;
    public string? Field { get; } = field;

    /// <summary>More for a client to act on, by name (the ids of what stands in the way); none by default.</summary>
    public IReadOnlyDictionary<string, object> Details { get; init; } = new Dictionary<string, object>();

    public static RuleViolation Invalid(string field, string message) =>
        new(RefusalKind.Invalid, "invalid-" + CodeOf(field), message, field);

    /// <summary>"founder.name" becomes "founder-name", "roles[2]" becomes "roles".</summary>
    private static string CodeOf(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, @"\[[0-9]+\]", "").Replace('.', '-');

    public static RuleViolation Forbidden(string code, string message) => new(RefusalKind.Forbidden, code, message);

    public static RuleViolation NotFound(string code, string message) => new(RefusalKind.NotFound, code, message);

    public static RuleViolation Conflict(string code, string message) => new(RefusalKind.Conflict, code, message);
}
