using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

[Collection(AppCollection.Name)]
public class response_headers(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task responses_that_carry_a_token_are_never_cached_and_nothing_is_sniffed()
    {
        var founded = await api.Post<NetworkFoundedResponse>("/networks", new { name = "Header Makers",
            currency = "EUR", founder = new { name = "Ada" } });
        var n = await api.Found();
        var admitted = await api.Post<MemberAdmittedResponse>(n.Url("/members"), new { name = "Bob",
            roles = new[] { "contributor" }, stakeholderClass = "labour" }, n.Token);
        var reissued = await api.Post<TokenReissuedResponse>(n.Url($"/members/{n.MemberId}/token"), null, n.Token);
        foreach (var (status, token, response) in new[]
        {
            (founded.Status, founded.Body?.Token, founded.Response),
            (admitted.Status, admitted.Body?.Token, admitted.Response),
            (reissued.Status, reissued.Body?.Token, reissued.Response),
        })
        {
            status.Should().BeOneOf(200, 201);
            token.Should().StartWith("ov_");
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }
        var problem = await api.Get(n.Url("/members"));
        problem.Response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task the_reference_page_has_a_content_security_policy_and_the_server_names_no_software()
    {
        using var client = app.Host.Server.CreateClient();
        using var docs = await client.GetAsync("/docs");
        docs.Headers.GetValues("Content-Security-Policy").Single()
            .Should().Contain("default-src 'self'").And.Contain("object-src 'none'")
                .And.Contain("frame-ancestors 'none'");
        docs.Headers.Contains("Server").Should().BeFalse();
        app.Host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.Should().BeFalse();
    }

    [Fact]
    public async Task a_body_over_the_limit_is_413_problem_details_and_appends_nothing()
    {
        var n = await api.Found();
        var before = await app.EventCount(n.NetworkId);
        var huge = "{\"name\":\"" + new string('x', 1_048_576)
            + "\",\"roles\":[\"contributor\"],\"stakeholderClass\":\"labour\"}";
        var result = await api.Post(n.Url("/members"), huge, n.Token);
        result.ShouldBeProblem(413, code: "body-too-large");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }
}
