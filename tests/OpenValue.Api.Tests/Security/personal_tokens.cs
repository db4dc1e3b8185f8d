using OpenValue.Api.Security;
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
        var created = (await api.Post<PersonalTokenCreatedResponse>(n.Url(Tokens(bob)),
            new { name = "  laptop script " }, bob.Token)).Expect(201);
        var secret = created.Token;
        var tokenId = created.TokenId;
        created.Name.Should().Be("laptop script");

        // Read strictly, a listed token has these fields and no other (no secret among them).
        var list = await api.Get<PersonalTokensResponse>(n.Url(Tokens(bob)), secret);
        list.Expect(200).Tokens.Single().Should()
            .Be(new PersonalTokenResponse(tokenId, "laptop script", created.CreatedAt));
        list.Text.Should().NotContain(secret[..10]);

        // It acts with Bob's roles: a contributor may claim, not admit.
        (await api.Submit(n, secret)).Should().NotBeEmpty();
        (await api.Post(n.Url("/members"), new { name = "Eve", roles = new[] { "contributor" },
            stakeholderClass = "user" }, secret)).ShouldBeProblem(403);

        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{tokenId}"), null, bob.Token)).Status.Should().Be(204);
        (await api.Get(n.Url("/members"), secret)).ShouldBeProblem(401);
        (await api.Send(HttpMethod.Delete, n.Url($"{Tokens(bob)}/{tokenId}"), null, bob.Token))
            .ShouldBeProblem(404, code: "token-not-found");
        (await Listed(n, bob, bob.Token)).Should().BeEmpty();
        (await api.Get(n.Url("/members"), bob.Token)).Status.Should().Be(200, "the member token still works");
    }

    [Fact]
    public async Task Only_the_member_themself_and_never_across_networks()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var created = await api.Post<PersonalTokenCreatedResponse>(n.Url(Tokens(bob)), new { name = "ci" }, bob.Token);
        var tokenId = created.Expect(201).TokenId;

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
        (await Listed(n, bob, bob.Token)).Should().HaveCount(1);
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
            secrets.Add((await api.Post<PersonalTokenCreatedResponse>(n.Url(Tokens(bob)), new { name = $"t{i}" },
                bob.Token)).Expect(201).Token);
        (await api.Post(n.Url(Tokens(bob)), new { name = "t20" }, bob.Token))
            .ShouldBeProblem(409, code: "too-many-tokens");

        var reissued = await api.Post<TokenReissuedResponse>(n.Url($"/members/{bob.MemberId}/token"), null, n.Token);
        var fresh = reissued.Expect(200).Token;
        (await api.Get(n.Url("/members"), secrets[0])).ShouldBeProblem(401);
        (await Listed(n, bob, fresh)).Should().BeEmpty();
    }

    private async Task<IReadOnlyList<PersonalTokenResponse>> Listed(FoundedNetwork n, Member member, string token)
    {
        var list = await api.Get<PersonalTokensResponse>(n.Url(Tokens(member)), token);
        return list.Expect(200).Tokens;
    }
}
