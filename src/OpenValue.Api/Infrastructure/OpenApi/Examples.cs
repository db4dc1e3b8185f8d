using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OpenValue.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies for the main requests, the ones docs/api.md shows. The linter checks each against its
/// schema (no-invalid-media-type-examples), so an example cannot drift from the shape it illustrates.
/// </summary>
internal static class Examples
{
    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["FoundNetworkRequest"] = """{"name":"Wikihouse Makers","currency":"EUR","founder":{"name":"Ada"}}""",
        ["AdmitMemberRequest"] = """{"name":"Bob","roles":["contributor","reviewer"],"stakeholderClass":"labour"}""",
        ["ChangeRolesRequest"] = """{"grant":["treasurer"],"revoke":["reviewer"]}""",
        ["OpenProjectRequest"] = """{"name":"Frame design v2"}""",
        ["ValueEquationRequest"] = """
            {"preset":"slicing-pie","rules":{"work":{"unit":"hour","rate":"50","multiplier":"2"}},"halfLifeDays":null,
             "classWeights":{"labour":"0.35","user":"0.35","investor":"0.30"}}
            """,
        ["SubmitContributionRequest"] = """
            {"kind":"work","quantity":"12.5","unit":"hour","occurredOn":"2026-11-20",
             "description":"Router jig for the Wikihouse frame","evidenceUrl":"https://example.org/jig",
             "projectId":null}
            """,
        ["ReviewRequest"] = """{"verdict":"approve","expectedVersion":1}""",
        ["RecordIncomeRequest"] = """
            {"amount":{"amount":"10400.00","currency":"EUR"},"source":"licence-fee","projectId":null,
             "receivedOn":"2026-11-25","note":"Commercial licence, frame design v2"}
            """,
        ["ProposeDistributionRequest"] = """
            {"amount":{"amount":"500.00","currency":"EUR"},"policy":"pro-rata","projectId":null,"asOf":null}
            """,
        ["ReversePayoutRequest"] = """{"reason":"Returned by the bank: account closed"}""",
        ["ReverseIncomeRequest"] = """{"reason":"recorded twice"}""",
    };

    public static void Apply(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media)
                && media is OpenApiMediaType { Schema: OpenApiSchemaReference { Reference.Id: { } id } } json
                && Bodies.TryGetValue(id, out var example))
                json.Example = JsonNode.Parse(example);
    }
}
