using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public class idempotency_keys(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task a_retry_with_the_same_key_and_body_gets_the_first_response_and_appends_nothing()
    {
        var network = await api.Found();
        var url = $"/networks/{network.NetworkId}/members";
        var body = new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" };

        var first = await api.Post<MemberAdmittedResponse>(url, body, network.Token, Key("admit-bob"));
        var retry = await api.Post<MemberAdmittedResponse>(url, body, network.Token, Key("admit-bob"));

        first.Status.Should().Be(201);
        retry.Status.Should().Be(201);
        retry.Text.Should().Be(first.Text);
        retry.Response.Headers.Location.Should().Be(first.Response.Headers.Location!);
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        // The name is stored sealed (Privacy.SealedText): the admissions are counted by the member's id.
        var bob = first.Body!.MemberId;
        (await app.Events(network.NetworkId, network.NetworkId)).OfType<JasperFx.Events.IEvent>()
            .Count(e => e.Data is MemberAdmitted a && a.MemberId == bob).Should().Be(1);
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_422_and_appends_nothing()
    {
        var network = await api.Found();
        var url = $"/networks/{network.NetworkId}/members";
        (await api.Post(url, new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" },
            network.Token, Key("k1"))).Status.Should().Be(201);
        var before = await app.EventCount(network.NetworkId);

        (await api.Post(url, new { name = "Cy", roles = new[] { "contributor" }, stakeholderClass = "labour" },
            network.Token, Key("k1")))
            .ShouldBeProblem(422, code: "idempotency-key-reused");
        (await app.EventCount(network.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task keys_belong_to_the_caller()
    {
        var network = await api.Found();
        var other = await api.Admit(network, "Stew", "labour", "steward");
        var url = $"/networks/{network.NetworkId}/members";
        var body = new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" };
        var mine = await api.Post<MemberAdmittedResponse>(url, body, network.Token, Key("same"));
        var theirs = await api.Post<MemberAdmittedResponse>(url, body, other.Token, Key("same"));
        theirs.Expect(201).MemberId.Should().NotBe(mine.Expect(201).MemberId);
    }

    [Fact]
    public async Task twenty_concurrent_retries_with_one_key_found_one_network()
    {
        var body = new { name = "Racing Co-op", currency = "EUR", founder = new { name = "Ada" } };
        var key = Key(Guid.NewGuid().ToString());
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.Post<NetworkFoundedResponse>(
            "/networks", body, headers: key)));

        results.Should().OnlyContain(r => r.Status == 201, string.Join("\n", results.Select(r => r.Text)));
        results.Select(r => r.Body!.NetworkId).Distinct().Should().ContainSingle();
        results.Select(r => r.Body!.Token).Distinct().Should().ContainSingle();
        var networkId = results[0].Body!.NetworkId;
        (await app.EventCount(networkId)).Should().Be(2);
    }

    [Fact]
    public async Task an_overlong_key_is_a_problem()
    {
        (await api.Post("/networks", new { name = "X", currency = "EUR", founder = new { name = "Ada" } },
            headers: Key(new string('k', 201))))
            .ShouldBeProblem(400, "Idempotency-Key");
    }
}
