using Alba;
using JasperFx.CommandLine;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// An app host with small abuse limits and a founding key, apart from the shared host whose tests need none.
/// </summary>
public sealed class LimitedAppFixture : IAsyncLifetime
{
    public const string FoundingKey = "a founding key only the operator knows";
    public const int FoundingsPerHour = 3;
    public const int FailedAuthenticationsPerMinute = 5;

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        var connection = Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test.");
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("OPENVALUE_DB", connection);
            builder.UseSetting("OpenValue:RunAsyncProjections", "false");
            builder.UseSetting("OpenValue:FoundingKey", FoundingKey);
            builder.UseSetting("OpenValue:FoundingsPerHour", FoundingsPerHour.ToString());
            builder.UseSetting("OpenValue:FailedAuthenticationsPerMinute", FailedAuthenticationsPerMinute.ToString());
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>One request from this host's single (test) client address.</summary>
    public async Task<(int Status, string Body, HttpResponseMessage Response)> Send(string url, object? body,
        string? token = null, string? foundingKey = null)
    {
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
        if (body is not null)
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        if (foundingKey is not null)
            request.Headers.Add("X-Founding-Key", foundingKey);
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}

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
