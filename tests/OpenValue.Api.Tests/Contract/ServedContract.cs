using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace OpenValue.Api.Tests.Contract;

/// <summary>
/// The served OpenAPI document as a checker: which operation a request hit, and whether the response (and an
/// accepted request's body) is what the document says. Component schemas become JSON Schema 2020-12 $defs,
/// the dialect of OpenAPI 3.1, and formats (uuid, date-time, date) are checked, not just annotated.
/// </summary>
public sealed class ServedContract(JsonObject document)
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly Dictionary<string, JsonSchema> compiled = [];
    private readonly string definitions = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/");

    public JsonObject Document => document;

    /// <summary>Every operation of the document as "METHOD /path/{template}".</summary>
    public IReadOnlyList<string> Operations() =>
        [.. document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))];

    /// <summary>The operation a concrete request hit; a literal segment beats a parameter, as routing does.</summary>
    public string? OperationOf(string method, string path)
    {
        var candidates = document["paths"]!.AsObject()
            .Where(p => p.Value![method.ToLowerInvariant()] is not null && Template(p.Key).IsMatch(path))
            .OrderByDescending(p => p.Key.Split('/').Count(s => !s.StartsWith('{')));
        return candidates.Select(p => $"{method} {p.Key}").FirstOrDefault();
    }

    /// <summary>What is wrong with this exchange against the document; empty when nothing is.</summary>
    public IReadOnlyList<string> Mismatches(Exchange exchange)
    {
        var operation = OperationOf(exchange.Method, exchange.Path);
        if (operation is null)
            return [$"{exchange.Method} {exchange.Path}: no such operation in the document"];
        var (method, template) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1]);
        var spec = document["paths"]![template]![method]!;
        var problems = new List<string>();
        if (exchange.Status is >= 200 and < 300 && exchange.RequestBody is { Length: > 0 } sent
            && spec["requestBody"]?["content"]?["application/json"]?["schema"] is { } requestSchema)
            problems.AddRange(Validate($"{operation} request", requestSchema, sent));

        var response = spec["responses"]?[exchange.Status.ToString()];
        if (response is null)
            return [.. problems, $"{operation}: status {exchange.Status} is not documented ({Short(exchange.Body)})"];
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
            return exchange.Body.Length == 0 ? problems : [.. problems, $"{operation} {exchange.Status}: a body the document does not describe"];
        var mediaType = exchange.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || content[mediaType] is not { } media)
            return [.. problems, $"{operation} {exchange.Status}: content type {exchange.ContentType} is not among {string.Join(", ", content.Select(c => c.Key))}"];
        if (mediaType.EndsWith("json", StringComparison.Ordinal) && media["schema"] is { } schema)
            problems.AddRange(Validate($"{operation} {exchange.Status}", schema, exchange.Body));
        return problems;
    }

    private IEnumerable<string> Validate(string where, JsonNode schema, string body)
    {
        var key = schema.ToJsonString();
        if (!compiled.TryGetValue(key, out var compiledSchema))
            compiled[key] = compiledSchema = JsonSchema.FromText(
                $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{definitions}},"allOf":[{{key.Replace("#/components/schemas/", "#/$defs/")}}]}""");
        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            return [$"{where}: not JSON ({e.Message})"];
        }
        var result = compiledSchema.Evaluate(instance, Options);
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{where} at '{d.InstanceLocation}': {e.Value}"))
                .Distinct().Take(5).DefaultIfEmpty($"{where}: invalid ({Short(body)})")];
    }

    private static Regex Template(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?\}", "[^/]+") + "$");

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
