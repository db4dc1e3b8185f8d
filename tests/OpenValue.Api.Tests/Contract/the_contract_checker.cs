using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contract;

/// <summary>
/// The checker behind <see cref="responses_match_the_document"/> finds drift when there is some: an
/// undocumented status, a media type or a body the document does not describe, a missing field, a malformed
/// format or decimal. Without this, "0 mismatches" could mean a checker that never looks.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class the_contract_checker(AppFixture app)
{
    private const string Contribution = "/networks/0197a000-0000-7000-8000-000000000001/contributions/0197a000-0000-7000-8000-000000000002";

    private static string Body(string quantity = "\"12.5\"", string submittedAt = "\"2026-11-26T09:00:00Z\"",
        string memberId = "\"0197a000-0000-7000-8000-000000000003\"") =>
        $$"""
        {"contributionId":"0197a000-0000-7000-8000-000000000002","memberId":{{memberId}},"kind":"work","quantity":{{quantity}},
         "unit":"hour","occurredOn":"2026-11-20","description":"Jig","evidenceUrl":null,"projectId":null,"status":"submitted",
         "round":1,"submittedAt":{{submittedAt}},"decidedAt":null,"points":null,"equationVersion":null,"reviews":[],"version":1}
        """;

    private static Exchange Get(int status, string body, string contentType = "application/json; charset=utf-8") =>
        new("GET", Contribution, null, null, status, contentType, body);

    [Fact]
    public async Task It_passes_a_true_response_and_names_every_kind_of_drift()
    {
        var contract = new ServedContract(await the_served_document.Fetch(app));
        contract.Mismatches(Get(200, Body())).Should().BeEmpty();

        contract.Mismatches(Get(418, "")).Should().ContainSingle().Which.Should().Contain("418 is not documented");
        contract.Mismatches(Get(200, Body(), "text/html")).Should().ContainSingle().Which.Should()
            .Contain("content type");
        contract.Mismatches(Get(200, Body(quantity: "12.5"))).Should().NotBeEmpty("a decimal sent as a number");
        contract.Mismatches(Get(200, Body(quantity: "\"1e3\""))).Should().NotBeEmpty("a decimal with an exponent");
        contract.Mismatches(Get(200, Body(submittedAt: "\"yesterday\""))).Should()
            .NotBeEmpty("an instant that is not date-time");
        contract.Mismatches(Get(200, Body(memberId: "\"bob\""))).Should().NotBeEmpty("an id that is not a uuid");
        contract.Mismatches(Get(200, Body().Replace("\"kind\":\"work\",", ""))).Should()
            .NotBeEmpty("a required field left out");
        contract.Mismatches(Get(404, """{"status":404,"title":"Not Found"}""", "application/problem+json"))
            .Should().NotBeEmpty("a problem without its code and type");
        contract.Mismatches(new Exchange("PATCH", Contribution, null, null, 200, null, "")).Should().ContainSingle()
            .Which.Should().Contain("no such operation");
    }
}
