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
