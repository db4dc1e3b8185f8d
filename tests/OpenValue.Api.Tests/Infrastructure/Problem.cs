using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>
/// An RFC 9457 problem as the app writes it (see Infrastructure/Problems.cs): the standard members, the
/// <c>code</c> and <c>field</c> it adds, the <c>errors</c> of a validation problem, and any other extension a
/// refusal carries (such as <c>distributionIds</c>).
/// </summary>
public sealed record Problem(
    string Type, string Title, int Status, string? Detail = null, string? Instance = null, string? Code = null,
    string? Field = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }

    /// <summary>A member a refusal adds beside the standard ones, read as <typeparamref name="T"/>.</summary>
    public T? Extension<T>(string name) =>
        Extensions is { } all && all.TryGetValue(name, out var value)
            ? value.Deserialize<T>(ResponseJson.Options)
            : default;
}
