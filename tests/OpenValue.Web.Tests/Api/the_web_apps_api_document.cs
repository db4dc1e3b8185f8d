using System.Text.Json;
using System.Text.Json.Nodes;
using OpenValue.Web.Tests.Infrastructure;

namespace OpenValue.Web.Tests.Api;

/// <summary>
/// The web app's API types are generated from a copy of the served OpenAPI document (src/OpenValue.Web/openapi/
/// v1.json); the web app's own test checks the types against that copy. This test checks the copy against the
/// server, so a change to the API that the web app has not taken up fails here. `./openvalue.sh web-types`
/// refreshes both.
/// </summary>
[Collection(WebCollection.Name)]
public class the_web_apps_api_document(WebFixture web)
{
    public static string Copy => Path.Combine(Repository.WebApp, "openapi", "v1.json");

    [Fact]
    public async Task the_web_apps_copy_is_the_served_document()
    {
        var served = JsonNode.Parse(await web.Http.GetStringAsync("/openapi/v1.json"))!;
        // The server's own address (a free port each run) is not part of the contract.
        served.AsObject().Remove("servers");
        if (Environment.GetEnvironmentVariable("OPENVALUE_WRITE_OPENAPI") == "1")
            await File.WriteAllTextAsync(Copy,
                served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        var copy = JsonNode.Parse(await File.ReadAllTextAsync(Copy))!;
        JsonNode.DeepEquals(served, copy).Should().BeTrue(
            "src/OpenValue.Web/openapi/v1.json must be the served /openapi/v1.json: run ./openvalue.sh web-types");
    }
}
