using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenValue.Api.Infrastructure.OpenApi;

/// <summary>
/// How values travel, stated in the schemas: NodaTime instants and dates as ISO strings, whole numbers as
/// integers only, exact decimals as strings of a fixed shape, and in request bodies the difference between
/// a field that may be left out (it has a default in its record) and one that must be sent (then not null).
/// </summary>
internal static partial class ContractSchemas
{
    /// <summary>What <c>DecimalText</c> writes and reads: no exponent, "+" or grouping.</summary>
    public const string DecimalPattern = @"^-?[0-9]+(\.[0-9]+)?$";

    /// <summary>
    /// Exact decimals are strings, so their schemas cannot say so by type; they say it by name. A string field
    /// named quantity, rate, multiplier, points, share, percent, amount, factor or difference (alone or as
    /// the last word: totalPoints, decayFactor, shareDifference) is a decimal, as are the values of the
    /// maps of points by kind and of class weights. The schema test checks every such field of every real
    /// response against the pattern, so a field named so that is not a decimal would fail it.
    /// </summary>
    [GeneratedRegex("(^|[a-z])([qQ]uantity|[rR]ate|[mM]ultiplier|[pP]oints|[sS]hare|[pP]ercent|[aA]mount|"
                    + "[fF]actor|[dD]ifference)$")]
    private static partial Regex DecimalName();

    /// <summary>Whether a field of this name carries an exact decimal (see <see cref="DecimalName"/>).</summary>
    public static bool IsDecimalName(string name) => DecimalName().IsMatch(name);

    private static readonly HashSet<string> DecimalMaps = ["pointsByKind", "proposedPointsByKind", "classWeights"];

    /// <summary>Request bodies and the records nested in them, named …Request and …Input.</summary>
    private static bool IsRequest(string component) =>
        component.EndsWith("Request", StringComparison.Ordinal)
        || component.EndsWith("Input", StringComparison.Ordinal);

    public static void Apply(IDictionary<string, IOpenApiSchema> schemas)
    {
        if (schemas.ContainsKey("Instant"))
            schemas["Instant"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "date-time",
                Description = "An instant, ISO-8601 in UTC with Z (up to nanoseconds).",
                Examples = [JsonValue.Create("2026-11-26T09:00:00Z")],
            };
        if (schemas.ContainsKey("LocalDate"))
            schemas["LocalDate"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "date", Description = "A calendar date, ISO-8601.",
                Examples = [JsonValue.Create("2026-11-20")],
            };
        foreach (var (name, schema) in schemas)
            if (schema is OpenApiSchema concrete)
            {
                Walk(concrete, null);
                if (IsRequest(name))
                    RequiredMeansPresent(concrete);
            }
    }

    private static void Walk(OpenApiSchema schema, string? property)
    {
        if (schema.Enum is { Count: > 0 } && schema.Type is null)
            schema.Type = JsonSchemaType.String;
        // Whole numbers are written as JSON numbers; the "or a numeric string" that System.Text.Json's web
        // defaults also read is a leniency of the server, not something a client should send.
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer) && type.HasFlag(JsonSchemaType.String))
            (schema.Type, schema.Pattern) = (type & ~JsonSchemaType.String, null);
        var text = schema.Type?.HasFlag(JsonSchemaType.String) == true && schema.Format is null;
        if (property is not null && text && DecimalName().IsMatch(property))
            Decimal(schema);
        if (property is not null && DecimalMaps.Contains(property) && schema.AdditionalProperties is OpenApiSchema map)
            Decimal(map);

        foreach (var (name, child) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            if (child is OpenApiSchema concrete)
                Walk(concrete, name);
        var children = new[] { schema.Items, schema.AdditionalProperties }
            .Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []);
        foreach (var child in children)
            if (child is OpenApiSchema concrete)
                Walk(concrete, null);
    }

    private static void Decimal(OpenApiSchema schema)
    {
        schema.Pattern = DecimalPattern;
        schema.Description ??= "An exact decimal, as a string.";
    }

    /// <summary>A request field without a default must be sent, with a value: the server refuses null for it.</summary>
    private static void RequiredMeansPresent(OpenApiSchema schema)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (schema.Properties?.TryGetValue(name, out var found) != true || found is not OpenApiSchema property)
                continue;
            if (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
                property.Type = type & ~JsonSchemaType.Null;
            static bool IsNull(IOpenApiSchema choice) => choice is OpenApiSchema { Type: JsonSchemaType.Null };
            if (property.OneOf is { Count: 2 } choices && choices.Any(IsNull))
                schema.Properties[name] = choices.Single(c => !IsNull(c));
        }
    }

    /// <summary>Query parameters arrive as text for the endpoint to parse; their schemas say what it must be.</summary>
    public static void QueryParameter(string name, OpenApiSchema schema)
    {
        switch (name)
        {
            case "asOf":
                schema.Format = "date-time";
                break;
            case "from" or "to":
                schema.Format = "date";
                break;
            case "memberId" or "projectId" or "after":
                schema.Format = "uuid";
                break;
            case "revocationRequested":
                (schema.Type, schema.Enum) = (JsonSchemaType.String, [JsonValue.Create("true")]);
                break;
            case "page" or "pageSize" or "limit" or "before":
                (schema.Type, schema.Minimum) = (JsonSchemaType.Integer, "1");
                break;
        }
    }

    public static string? ParameterDescription(string name) => name switch
    {
        "networkId" => "The network (its id was returned when it was founded).",
        "asOf" => "The moment to compute for, an instant such as 2026-11-01T00:00:00Z; now when left out; not future.",
        "projectId" => "Only this project (a project of the network).",
        "memberId" => "Only this member.",
        "page" => "The 1-based page number.",
        "pageSize" => "Items per page (default 50, at most 200).",
        "limit" => "At most this many items.",
        "after" => "Start after this member id (member-id order).",
        "before" => "The nextBefore of the previous page (exclusive).",
        "status" => "Only items with this status.",
        "revocationRequested" => "true: only accepted contributions a member asked to revoke, not yet revoked.",
        _ => null,
    };
}
