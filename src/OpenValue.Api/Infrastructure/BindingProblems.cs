using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// Problems the framework writes rather than the app: Wolverine's answer to a body that is not JSON of the
/// request's shape, and ASP.NET Core's status-code pages (unknown route 404, wrong method 405, wrong media
/// type 415). They pass through the problem-details service, which calls <see cref="Customize"/>: each gets
/// the app's shape (a <c>code</c>, the <c>field</c> at fault) and a detail with no .NET type names in it.
/// </summary>
public static partial class BindingProblems
{
    /// <summary>The type Wolverine gives a body it could not deserialize.</summary>
    private const string WolverineJsonProblem = "https://httpstatuses.com/400";

    [GeneratedRegex(@"Path: (?<path>\$\S*) \| LineNumber")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<key>(?:[^']|'')*)'\]")]
    private static partial Regex Segment();

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type == WolverineJsonProblem && problem.Detail is { } detail)
            Describe(problem, context.HttpContext, detail);
        if (problem.Extensions.ContainsKey("code"))
            return;
        var code = problem.Status switch
        {
            404 => "route-not-found",
            405 => "method-not-allowed",
            406 => "not-acceptable",
            415 => "unsupported-media-type",
            _ => "http-" + problem.Status,
        };
        var fallback = Problems.Create(problem.Status ?? 500, code, problem.Status switch
        {
            404 => "No route matches this path.",
            405 => "This route does not take this method; the Allow header lists those it takes.",
            415 => "Send the body as application/json.",
            _ => problem.Detail ?? problem.Title ?? "",
        });
        (problem.Type, problem.Title, problem.Detail) = (fallback.Type, fallback.Title, fallback.Detail);
        problem.Extensions["code"] = code;
    }

    /// <summary>Names the field whose JSON value had the wrong type, and says what it must be.</summary>
    private static void Describe(Microsoft.AspNetCore.Mvc.ProblemDetails problem, HttpContext http, string detail)
    {
        var path = JsonPath().Match(detail) is { Success: true } m ? m.Groups["path"].Value : "$";
        var field = Field(path);
        var requestType = http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>()?.RequestType;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var expected = requestType is null || field.Length == 0
            ? null
            : TypeAt(options.GetTypeInfo(requestType), path, options);
        var wrongType = detail.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
        var where = field.Length == 0 ? "" : $" at '{field}'";
        var described = Problems.From(expected is not null && wrongType
            ? Domain.RuleViolation.Invalid(field, $"'{field}' must be {Expected(expected, field, options)}.")
            : Domain.RuleViolation.Invalid(field.Length == 0 ? "body" : field,
                $"The request body is not valid JSON{where}: {Plain(detail)}"));
        (problem.Type, problem.Title, problem.Detail) = (described.Type, described.Title, described.Detail);
        foreach (var (key, value) in described.Extensions)
            problem.Extensions[key] = value;
    }

    /// <summary>"$.founder.name" → "founder.name", "$.roles[0]" → "roles[0]", "$" → "".</summary>
    private static string Field(string path) =>
        string.Concat(Segment().Matches(path).Select(s =>
            s.Groups["index"].Success ? $"[{s.Groups["index"].Value}]"
            : s.Groups["name"].Success ? "." + s.Groups["name"].Value
            : "." + s.Groups["key"].Value.Replace("''", "'"))).TrimStart('.');

    /// <summary>The CLR type the request expects at a JSON path, or null when the path leads nowhere known.</summary>
    private static Type? TypeAt(JsonTypeInfo root, string path, JsonSerializerOptions options)
    {
        var type = root.Type;
        foreach (Match segment in Segment().Matches(path))
        {
            var info = options.GetTypeInfo(type);
            if (info.Kind == JsonTypeInfoKind.Object && segment.Groups["name"].Success)
                type = info.Properties.FirstOrDefault(p => p.Name == segment.Groups["name"].Value)?.PropertyType;
            else if (info.Kind == JsonTypeInfoKind.Dictionary)
                type = info.ElementType;
            else if (info.Kind == JsonTypeInfoKind.Enumerable && segment.Groups["index"].Success)
                type = info.ElementType;
            else
                type = null;
            if (type is null)
                return null;
        }
        return type;
    }

    private static string Expected(Type type, string field, JsonSerializerOptions options)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
            return OpenApi.ContractSchemas.IsDecimalName(field.Split('.', '[')[^1])
                ? "a string: exact decimals travel as JSON strings such as \"12.5\", never as numbers"
                : "a string";
        if (plain == typeof(int) || plain == typeof(long))
            return "a whole number";
        if (plain == typeof(bool))
            return "true or false";
        if (plain == typeof(Guid) || plain.IsEnum)
            return plain == typeof(Guid) ? "a UUID string" : "a string";
        return options.GetTypeInfo(plain).Kind == JsonTypeInfoKind.Enumerable ? "an array" : "an object";
    }

    /// <summary>The parser's message without its type names and positions (the field says where).</summary>
    private static string Plain(string detail) =>
        Regex.Replace(detail.Split(" Path: ")[0], @"(OpenValue|System)\.[\w.`\[\]]+", "the expected value");
}
