using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>How tests read response bodies into the app's own records.</summary>
public static class ResponseJson
{
    /// <summary>
    /// The app's JSON dialect (NodaTime, enums as words, exact decimals as strings), read strictly: a field the
    /// record names must be on the wire (and not null unless nullable), and the wire has no field the record
    /// does not name.
    /// </summary>
    public static readonly JsonSerializerOptions Options =
        new(OpenValue.Api.Infrastructure.Json.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
}
