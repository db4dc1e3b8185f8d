using System.Text.Json.Nodes;

namespace OpenValue.Api.Integrity;

/// <summary>
/// The first place two JSON documents differ, as a path and both values (free text only as "differs"), for a person to
/// read.
/// </summary>
internal static class JsonDifference
{
    private const int Shown = 80;

    public static string? First(string? stored, string? folded)
    {
        if (stored is null || folded is null)
            return stored is null
                ? "The document is missing: its events make one."
                : "The document exists but no event makes it.";
        return Walk("", JsonNode.Parse(stored), JsonNode.Parse(folded));
    }

    private static string? Walk(string path, JsonNode? stored, JsonNode? folded)
    {
        if (JsonNode.DeepEquals(stored, folded)) return null;
        switch (stored, folded)
        {
            case (JsonObject a, JsonObject b):
                // In the folded document's property order (the type's), then whatever only the stored one has.
                foreach (var name in b.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    if (Walk($"{path}.{name}", a[name], b[name]) is { } inner) return inner;
                return null;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                    if (Walk($"{path}[{i}]", a[i], b[i]) is { } inner) return inner;
                return null;
            default:
                return Personal(path)
                    ? $"{path.TrimStart('.')}: the stored text differs from the events'."
                    : $"{path.TrimStart('.')}: stored {Text(stored)}, from the events {Text(folded)}.";
        }
    }

    /// <summary>
    /// Free text people wrote (names, descriptions, reasons) is personal data: say that it differs, not what.
    /// </summary>
    private static bool Personal(string path) => PersonalFields.Any(f =>
        path.EndsWith("." + f, StringComparison.Ordinal) || path.Contains("." + f + "[", StringComparison.Ordinal));

    private static readonly string[] PersonalFields =
        ["name", "description", "note", "reason", "evidenceUrl", "explanation"];

    private static string Text(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "nothing";
        return text.Length <= Shown ? text : text[..Shown] + "…";
    }
}
