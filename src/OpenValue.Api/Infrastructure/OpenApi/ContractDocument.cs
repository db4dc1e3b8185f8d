using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenValue.Api.Infrastructure.OpenApi;

/// <summary>
/// The document as a whole: its description, the bearer scheme, the module tags, the one problem-details
/// schema every refusal uses, and the schema fixes of <see cref="ContractSchemas"/> applied to every component.
/// Runs after the operation transformers, so it sees every schema they refer to.
/// </summary>
internal sealed class ContractDocument : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemMediaType = "application/problem+json";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Networks", "Found a network; its name, currency and policies."),
        ("Members", "Admit members, grant and revoke roles, reissue tokens."),
        ("Projects", "Ventures inside a network that contributions and income can belong to."),
        ("Contributions", "Claims, amendments, withdrawals, peer review and the review queue."),
        ("Value equations", "Adopt, read, simulate and re-apply the rules that turn accepted claims into points."),
        ("Shares", "Each member's points and share at any moment, and why."),
        ("Treasury", "Income, distributions, four-eyes approval, payouts and the ledger."),
        ("Budgeting", "Co-budgeting rounds: members' budgets from a pool, buckets, funding and the closing."),
        ("Activity", "What happened in the network, newest first."),
        ("Governance", "Proposals, positions and consent decisions; the governance policy."),
        ("Integrity", "The event chain and the stored state checked against the events."),
        ("Accounts", "Sign-in with a password, cookie sessions and invitation links."),
        ("Health", "Liveness and database reachability."),
    ];

    /// <summary>The tag of an endpoint: its module, from the namespace it lives in.</summary>
    public static string TagOf(MethodInfo? method) => method?.DeclaringType?.Namespace switch
    {
        "OpenValue.Api.Networks.Members" or "OpenValue.Api.Security" => "Members",
        "OpenValue.Api.Networks.Projects" => "Projects",
        "OpenValue.Api.Valuation" => "Value equations",
        "OpenValue.Api.Infrastructure" => "Health",
        { } other when other.StartsWith("OpenValue.Api.", StringComparison.Ordinal) => other.Split('.')[2],
        _ => "Networks",
    };

    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "OpenValue API",
            Version = "1",
            Description = """
                The contribution ledger of an open value network. JSON over HTTP; field names are camelCase and enum
                values lower-case words. Exact decimals (quantities, rates, points, shares, money amounts) travel as
                strings such as "12.5", never as JSON numbers; money is {"amount": "12.34", "currency": "EUR"} with
                exactly the currency's decimals. Instants are ISO-8601 in UTC with Z; dates are ISO dates.
                Every error is application/problem+json with a machine-readable `code` and, for bad input, the
                `field` at fault. A refused request changes nothing.
                """,
        };
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');

        var components = document.Components ??= new OpenApiComponents();
        components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A member's API token (`ov_…`), shown once on founding or admission.",
        };
        document.Tags = Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }).ToHashSet();

        var schemas = components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas.Remove("IResult");
        ContractSchemas.Apply(schemas);
        schemas[ProblemSchema] = Problem();
        Examples.Apply(document);
        return Task.CompletedTask;
    }

    /// <summary>A problem response of this status, described once for the whole document.</summary>
    public static OpenApiResponse ProblemResponse(OpenApiDocument document, int status) => new()
    {
        Description = status switch
        {
            400 => "Bad input: a malformed value, a missing or unknown field value, a body that is not JSON of "
                   + "this shape, or a path id that is not a UUID. `field` names it.",
            401 => "No bearer token, or one that is not known (WWW-Authenticate: Bearer).",
            403 => "The caller may not do this (a role it lacks, or a rule such as no self-review).",
            404 => "No such network for this token (indistinguishable from a network that does not exist), "
                   + "or no such thing in it.",
            409 => "A conflict with the current state: someone else changed it at the same moment, "
                   + "or the state does not allow this now.",
            415 => "The body is not application/json.",
            422 => "This Idempotency-Key was already used for a different request.",
            503 => "PostgreSQL cannot be reached; retry after the Retry-After seconds.",
            _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        },
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    /// <summary>RFC 9457 problem details as <see cref="Problems.Create"/> writes them.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details with OpenValue's machine-readable code.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the problem: urn:openvalue:problem:{code}."),
            ["title"] = Text("The HTTP reason phrase."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status." },
            ["detail"] = Text("What is wrong, for a person."),
            ["instance"] = Text("The request path."),
            ["code"] = Text("Machine-readable: invalid-{field}, unauthenticated, role-required, …"),
            ["field"] = Text("The field, parameter or header at fault (founder.name, roles[0], asOf, …)."),
            ["distributionIds"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                Description = "For income-distributed: the distributions that hold the income's money.",
            },
            ["check"] = Text("For invalid-iban: the check that failed: characters, country, length or checksum."),
        },
        Examples = [JsonNode.Parse("""
            {"type":"urn:openvalue:problem:invalid-quantity","title":"Bad Request","status":400,
             "detail":"'quantity' must be a decimal number written as a string, such as \"12.5\".",
             "instance":"/networks/0197a000-0000-7000-8000-000000000001/contributions",
             "code":"invalid-quantity","field":"quantity"}
            """)!],
    };

    private static OpenApiSchema Text(string description) =>
        new() { Type = JsonSchemaType.String, Description = description };
}
