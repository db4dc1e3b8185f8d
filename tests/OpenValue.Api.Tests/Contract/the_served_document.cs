using System.Diagnostics;
using System.Text.Json.Nodes;
using OpenValue.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenValue.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document a client generator reads: Redocly's recommended rules find no error in it, and every
/// operation says what it is, who may call it and what it refuses.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class the_served_document(AppFixture app, ITestOutputHelper output)
{
    public static async Task<JsonObject> Fetch(AppFixture app)
    {
        using var client = app.Host.Server.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    [Fact]
    public async Task Redocly_finds_no_error_under_its_recommended_rules()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "contract");
        var cli = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        File.Exists(cli).Should().BeTrue($"the linter is installed by ./openvalue.sh test (npm ci in {folder})");
        var file = Path.Combine(Path.GetTempPath(), $"openvalue-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await Fetch(app)).ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node", [cli, "lint", file, "--format=summary"])
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
                    ["NO_COLOR"] = "1" },
            };
            using var lint = Process.Start(start)!;
            var (stdout, stderr) = (lint.StandardOutput.ReadToEndAsync(), lint.StandardError.ReadToEndAsync());
            (await Task.WhenAny(lint.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)))).Should().NotBeNull();
            var report = string.Join("\n", (await stdout + await stderr).Split('\n').Where(l =>
                !l.Contains('║') && !l.Contains('╔') && !l.Contains('╚')));
            output.WriteLine(report);
            lint.HasExited.Should().BeTrue("the linter finishes within two minutes");
            lint.ExitCode.Should().Be(0, report);
            report.Should().NotContain("error ", report);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_a_module_tag_security_and_its_refusals()
    {
        var document = await Fetch(app);
        var declaredTags = document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToHashSet();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var summary = operation!["summary"]?.GetValue<string>();
                summary.Should().NotBeNullOrWhiteSpace(name).And.NotBe(operation["operationId"]?.GetValue<string>(),
                    name);
                operation["description"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace(name);
                var tags = operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
                tags.Should().ContainSingle(name).Which.Should().BeOneOf(declaredTags, name);
                var responses = operation["responses"]!.AsObject();
                responses.Select(r => r.Key).Should().Contain(k => k.StartsWith('2'), name);
                (responses.ContainsKey("200") && responses.ContainsKey("201")).Should()
                    .BeFalse($"{name} has one success status");
                var security = operation["security"]!.AsArray();
                if (path.StartsWith("/networks/{networkId}"))
                {
                    security.Single()!.AsObject().Select(s => s.Key).Should().Equal(["bearer"], name);
                    responses.Select(r => r.Key).Should().Contain(["401", "404", "503"], name);
                }
                else
                    security.Single()!.AsObject().Should().BeEmpty($"{name} needs no token");
                foreach (var (status, response) in responses.Where(r =>
                    r.Key[0] is '4' || r.Key == "503" && path != "/health"))
                    response!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()
                        .Should().Be("#/components/schemas/ProblemDetails", $"{name} {status}");
            }
    }

    /// <summary>The folder holding OpenValue.sln, found from where the tests run.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenValue.sln")))
                return dir.FullName;
        throw new InvalidOperationException("OpenValue.sln not found above " + AppContext.BaseDirectory);
    }
}
