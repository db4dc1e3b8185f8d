using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>Its own host, so the failures of the other limits' tests do not use up this address's budget.</summary>
public class abuse_limits_on_signing_in(LimitedAppFixture limited) : IClassFixture<LimitedAppFixture>
{
    private Task<(int Status, string Body, HttpResponseMessage Response)> Send(string url, object? body) =>
        limited.Send(url, body);

    [Fact]
    public async Task failed_sign_ins_across_many_logins_count_against_the_address_too()
    {
        // Each login exists nowhere, so no account lockout can stop this: only the per-address limit does.
        for (var i = 0; i < LimitedAppFixture.FailedAuthenticationsPerMinute; i++)
        {
            var result = await Send("/accounts/sign-in", new { login = $"guess{i}@example.org", password = "guess" });
            result.Status.Should().Be(401, result.Body);
        }
        var refused = await Send("/accounts/sign-in", new { login = "one-more@example.org", password = "guess" });
        refused.Status.Should().Be(429, refused.Body);
        refused.Body.Should().Contain("\"code\":\"too-many-failed-authentications\"");
    }
}
