using Alba;
using JasperFx.CommandLine;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>An app host with small abuse limits and a founding key, apart from the shared host whose tests need none.</summary>
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
}

public class abuse_limits(LimitedAppFixture limited) : IClassFixture<LimitedAppFixture>
{
    private async Task<(int Status, string Body, HttpResponseMessage Response)> Send(string url, object? body, string? token = null,
        string? foundingKey = null)
    {
        using var client = limited.Host.Server.CreateClient();
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

    private static object Founding => new { name = "Limited Makers", currency = "EUR", founder = new { name = "Ada" } };

    [Fact]
    public async Task founding_needs_the_founding_key_and_each_address_may_found_only_so_many_networks_an_hour()
    {
        var missing = await Send("/networks", Founding);
        missing.Status.Should().Be(403, missing.Body);
        missing.Body.Should().Contain("founding-closed");
        (await Send("/networks", Founding, foundingKey: "a founding key only the operator know")).Status.Should().Be(403);
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
