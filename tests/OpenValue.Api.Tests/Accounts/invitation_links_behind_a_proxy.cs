using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Accounts;

/// <summary>
/// Two app hosts behind a reverse proxy at 10.0.0.1: one told its public URL (and trusting the proxy), one trusting
/// the proxy's forwarded headers only.
/// </summary>
public sealed class ProxiedHosts : IAsyncLifetime
{
    public const string PublicUrl = "https://openvalue.example.org";
    public const string Proxy = "10.0.0.1";

    public IAlbaHost WithPublicUrl { get; private set; } = null!;
    public IAlbaHost TrustingTheProxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        WithPublicUrl = await Start(("OPENVALUE_PUBLIC_URL", PublicUrl + "/"), ("OpenValue:TrustedProxies", Proxy));
        TrustingTheProxy = await Start(("OpenValue:TrustedProxies", $"{Proxy}, 192.168.7.0/24"));
    }

    private static Task<IAlbaHost> Start(params (string Key, string Value)[] settings) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("OPENVALUE_DB", Environment.GetEnvironmentVariable("OPENVALUE_DB"));
            builder.UseSetting("OpenValue:RunAsyncProjections", "false");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        });

    public async Task DisposeAsync()
    {
        await WithPublicUrl.DisposeAsync();
        await TrustingTheProxy.DisposeAsync();
    }
}

/// <summary>
/// The invitation link that founding and admission return is where people will open the app: the configured public
/// URL when there is one; otherwise the request's scheme and host, which X-Forwarded-* headers change only when a
/// trusted proxy sends them. The app itself is reached as http://app.internal:8080.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class invitation_links_behind_a_proxy(AppFixture app, ProxiedHosts hosts) : IClassFixture<ProxiedHosts>
{
    private static readonly Dictionary<string, string> Forwarded = new()
    {
        ["X-Forwarded-For"] = "203.0.113.9", ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "evil.example",
    };

    /// <summary>A request as the app receives it from <paramref name="from"/>; the answer's JSON body.</summary>
    private static async Task<JsonNode> Send(IAlbaHost host, string from, string path, object body,
        IDictionary<string, string>? headers = null, string? token = null)
    {
        var bytes = Encoding.UTF8.GetBytes(ApiClient.Text(body)!);
        var context = await host.Server.SendAsync(c =>
        {
            (c.Request.Method, c.Request.Scheme, c.Request.Path) = ("POST", "http", path);
            c.Request.Host = new HostString("app.internal:8080");
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(bytes);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                c.Request.Headers[name] = value;
            if (token is not null)
                c.Request.Headers.Authorization = $"Bearer {token}";
        });
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        context.Response.StatusCode.Should().Be(201, text);
        return JsonNode.Parse(text)!;
    }

    private static Task<JsonNode> Found(IAlbaHost host, string from, IDictionary<string, string>? headers = null) =>
        Send(host, from, "/networks", new { name = "Proxied Makers", currency = "EUR", founder = new { name = "Ada" } },
            headers);

    private static string Link(JsonNode answer) => answer["invitationUrl"]!.GetValue<string>().Split('#')[0];

    [Fact]
    public async Task a_configured_public_url_starts_every_link_whatever_the_request_says()
    {
        var founded = await Found(hosts.WithPublicUrl, ProxiedHosts.Proxy, Forwarded);
        Link(founded).Should().Be(ProxiedHosts.PublicUrl + "/app/invitation");
        var admitted = await Send(hosts.WithPublicUrl, "198.51.100.4",
            $"/networks/{founded["networkId"]}/members",
            new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" },
            Forwarded, founded["token"]!.GetValue<string>());
        Link(admitted).Should().Be(ProxiedHosts.PublicUrl + "/app/invitation");
    }

    [Fact]
    public async Task a_trusted_proxys_forwarded_scheme_and_host_make_the_link()
    {
        Link(await Found(hosts.TrustingTheProxy, ProxiedHosts.Proxy, Forwarded))
            .Should().Be("https://evil.example/app/invitation", "the proxy is trusted to say where it was reached");
        Link(await Found(hosts.TrustingTheProxy, "192.168.7.20", Forwarded))
            .Should().Be("https://evil.example/app/invitation", "a trusted network's proxies too");
        Link(await Found(hosts.TrustingTheProxy, ProxiedHosts.Proxy))
            .Should().Be("http://app.internal:8080/app/invitation");
    }

    [Fact]
    public async Task forwarded_headers_from_anyone_else_are_ignored()
    {
        Link(await Found(hosts.TrustingTheProxy, "10.0.0.2", Forwarded))
            .Should().Be("http://app.internal:8080/app/invitation");
        // Without trusted proxies not even loopback is believed (ASP.NET Core's own default would trust it).
        Link(await Found(app.Host, "127.0.0.1", Forwarded)).Should().Be("http://app.internal:8080/app/invitation");
    }

    [Theory]
    [InlineData("openvalue.example.org")]
    [InlineData("ftp://openvalue.example.org")]
    [InlineData("https://openvalue.example.org/?next=1")]
    public void a_public_url_that_is_no_http_address_stops_the_app_at_startup(string url)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OpenValue:PublicUrl"] = url }).Build();
        var start = () => PublicAddress.Configured(configuration);
        start.Should().Throw<InvalidOperationException>().WithMessage("*OPENVALUE_PUBLIC_URL*");
    }
}
