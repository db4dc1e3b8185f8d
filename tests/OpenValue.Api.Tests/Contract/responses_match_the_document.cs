using OpenValue.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenValue.Api.Tests.Contract;

/// <summary>
/// The document is only worth generating a client from if the server answers as it says. A journey through
/// every route, successes and refusals, is checked against the served document: each status is documented for
/// its operation, each body has a documented media type and matches its schema, and each accepted request body
/// matches the request schema. A schema that drifts from the code fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class responses_match_the_document(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_journey_through_every_route_gets_only_responses_the_document_describes()
    {
        var contract = new ServedContract(await the_served_document.Fetch(app));
        var http = new Recorder(app);
        await new Journey(http, app).Run();

        var mismatches = http.Exchanges.SelectMany(contract.Mismatches).ToList();
        var byOperation = http.Exchanges.GroupBy(e => contract.OperationOf(e.Method,
            e.Path) ?? $"{e.Method} {e.Path} (undocumented)").ToList();
        var missed = contract.Operations().Except(byOperation.Select(g => g.Key)).ToList();
        var neverSucceeded = byOperation.Where(g => !g.Any(e => e.Status is >= 200 and < 300)).Select(g => g.Key)
            .ToList();
        var refusals = http.Exchanges.Count(e => e.Status >= 400);
        output.WriteLine($"{http.Exchanges.Count} responses checked ({http.Exchanges.Count - refusals} successes, {refusals} refusals) "
                         + $"over {byOperation.Count} of {contract.Operations().Count} operations: {mismatches.Count} mismatches.");
        foreach (var group in byOperation.OrderBy(g => g.Key))
            output.WriteLine($"  {group.Key}: {string.Join(" ", group.Select(e => e.Status).Order())}");
        foreach (var mismatch in mismatches)
            output.WriteLine("  MISMATCH " + mismatch);

        mismatches.Should().BeEmpty();
        missed.Should().BeEmpty("the journey goes through every route of the document");
        neverSucceeded.Should().BeEmpty("each route is seen succeeding at least once");
    }
}
