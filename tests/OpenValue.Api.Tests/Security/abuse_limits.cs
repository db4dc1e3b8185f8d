using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

public class abuse_limits(LimitedAppFixture limited) : IClassFixture<LimitedAppFixture>
{
    private Task<(int Status, string Body, HttpResponseMessage Response)> Send(string url, object? body,
        string? token = null,
        string? foundingKey = null) => limited.Send(url, body, token, foundingKey);

    private static object Founding => new { name = "Limited Makers", currency = "EUR", founder = new { name = "Ada" } };

    [Fact]
    public async Task founding_needs_the_founding_key_and_each_address_may_found_only_so_many_networks_an_hour()
    {
        var missing = await Send("/networks", Founding);
        missing.Status.Should().Be(403, missing.Body);
        missing.Body.Should().Contain("founding-closed");
        (await Send("/networks", Founding, foundingKey: "a founding key only the operator know")).Status.Should()
            .Be(403);
        // Two refusals so far count against the hour too: one founding is left.
        (await Send("/networks", Founding, foundingKey: LimitedAppFixture.FoundingKey)).Status.Should().Be(201);

        var limited = await Send("/networks", Founding, foundingKey: LimitedAppFixture.FoundingKey);
        limited.Status.Should().Be(429, limited.Body);
        limited.Response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        limited.Body.Should().Contain("\"code\":\"too-many-foundings\"");
        int.Parse(limited.Response.Headers.GetValues("Retry-After").Single()).Should().BeInRange(1, 3600);
    }

    [Fact]
    public async Task after_so_many_failed_authentications_an_address_gets_429_even_with_a_good_token()
    {
        var url = $"/networks/{Guid.NewGuid()}/members";
        for (var i = 0; i < LimitedAppFixture.FailedAuthenticationsPerMinute; i++)
            (await Send(url, null, token: $"ov_guess{i}")).Status.Should().Be(401);

        var limited = await Send(url, null, token: "ov_one-more-guess");
        limited.Status.Should().Be(429, limited.Body);
        limited.Body.Should().Contain("\"code\":\"too-many-failed-authentications\"");
        int.Parse(limited.Response.Headers.GetValues("Retry-After").Single()).Should().BeInRange(1, 60);
        (await Send(url, null)).Status.Should().Be(429, "the address is refused before any token is looked up");
    }
}
