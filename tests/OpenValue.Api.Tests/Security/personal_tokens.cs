using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

[Collection(AppCollection.Name)]
public class personal_tokens(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Tokens(Member m) => $"/members/{m.MemberId}/tokens";

    [Fact]
    public async Task A_member_creates_lists_uses_and_revokes_a_token_with_their_roles()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var created = await api.Post(n.Url(Tokens(bob)), new { name = "  laptop script " }, bob.Token);
        created.Status.Should().Be(201, created.Body?.ToJsonString());
        var secret = created.Body!["token"]!.GetValue<string>();
        var tokenId = created.Body["tokenId"]!.GetValue<string>();
        created.Body["name"]!.GetValue<string>().Should().Be("laptop script");

        var list = await api.Get(n.Url(Tokens(bob)), secret);
        list.Status.Should().Be(200);
        var only = list.Body!["tokens"]!.AsArray().Single()!;
        only.ToJsonString().Should().Be(
            $$"""{"tokenId":"{{tokenId}}","name":"laptop script","createdAt":"{{created.Body["createdAt"]}}"}""");
        list.Body.ToJsonString().Should().NotContain(secret[..10]);

        // It acts with Bob's roles: a contributor may claim, not admit.
        (await api.Submit(n, secret)).Should().NotBeEmpty();
        (await api.Post(n.Url("/members"), new { name = "Eve", roles = new[] { "contributor" },
            stakeholderClass = "user" }, secret)).ShouldBeProblem(403);

        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{tokenId}"), null, bob.Token)).Status.Should().Be(204);
        (await api.Get(n.Url("/members"), secret)).ShouldBeProblem(401);
        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{tokenId}"), null, bob.Token))
            .ShouldBeProblem(404, code: "token-not-found");
        (await api.Get(n.Url(Tokens(bob)), bob.Token)).Body!["tokens"]!.AsArray().Should().BeEmpty();
        (await api.Get(n.Url("/members"), bob.Token)).Status.Should().Be(200, "the member token still works");
    }

    [Fact]
    public async Task Only_the_member_themself_and_never_across_networks()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var created = await api.Post(n.Url(Tokens(bob)), new { name = "ci" }, bob.Token);
        var tokenId = created.Body!["tokenId"]!.GetValue<string>();

        // Ada is a steward, yet Bob's credentials are Bob's alone.
        (await api.Get(n.Url(Tokens(bob)), n.Token)).ShouldBeProblem(403, code: "own-tokens-only");
        (await api.Post(n.Url(Tokens(bob)), new { name = "mine now" }, n.Token)).ShouldBeProblem(403);
        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{tokenId}"), null, n.Token)).ShouldBeProblem(403);
        (await api.Get(n.Url($"/members/{Guid.NewGuid()}/tokens"), n.Token)).ShouldBeProblem(404);

        var other = await api.Found("Other");
        (await api.Get(n.Url(Tokens(bob)), other.Token)).ShouldBeProblem(404, code: "network-not-found");
        (await api.Post(n.Url(Tokens(bob)), new { name = "x" }, other.Token)).ShouldBeProblem(404);
        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{tokenId}"), null, other.Token))
            .ShouldBeProblem(404);
        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{Guid.NewGuid()}"), null, bob.Token))
            .ShouldBeProblem(404, code: "token-not-found");
        (await api.Get(n.Url(Tokens(bob)))).ShouldBeProblem(401);
        (await api.Get(n.Url(Tokens(bob)), bob.Token)).Body!["tokens"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public async Task A_bad_name_is_400_too_many_is_409_and_a_reissue_revokes_them()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        (await api.Post(n.Url(Tokens(bob)), new { name = " " }, bob.Token)).ShouldBeProblem(400, field: "name");
        (await api.Post(n.Url(Tokens(bob)), new { name = new string('x', 81) }, bob.Token))
            .ShouldBeProblem(400, field: "name");
        var secrets = new List<string>();
        for (var i = 0; i < 20; i++)
            secrets.Add((await api.Post(n.Url(Tokens(bob)), new { name = $"t{i}" }, bob.Token)).Body!["token"]!
                .GetValue<string>());
        (await api.Post(n.Url(Tokens(bob)), new { name = "t20" }, bob.Token))
            .ShouldBeProblem(409, code: "too-many-tokens");

        var reissued = await api.Post(n.Url($"/members/{bob.MemberId}/token"), null, n.Token);
        reissued.Status.Should().Be(200);
        (await api.Get(n.Url("/members"), secrets[0])).ShouldBeProblem(401);
        (await api.Get(n.Url(Tokens(bob)), reissued.Body!["token"]!.GetValue<string>())).Body!["tokens"]!
            .AsArray().Should().BeEmpty();
    }
}
