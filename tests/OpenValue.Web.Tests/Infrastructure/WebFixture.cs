using Microsoft.Playwright;

namespace OpenValue.Web.Tests.Infrastructure;

/// <summary>
/// One app process and one headless Chromium (Debian's, never a downloaded build) for all browser tests; each
/// test opens its own browser context, so cookies never leak between tests. Networks are isolated tenants, so
/// tests share the database without wiping it.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright playwright = null!;

    public AppServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Api Api => new(Http);

    public async Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable("OPENVALUE_DB")
            ?? throw new InvalidOperationException("Set OPENVALUE_DB to a test database, or run ./openvalue.sh test.");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"No {ChromiumPath}: install Debian's chromium (./openvalue.sh test does as root).");
        Server = await AppServer.Start(connection);
        Http = new HttpClient { BaseAddress = Server.Address };
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ChromiumArgs });
    }

    /// <summary>A fresh browser profile at a desktop size, or at a phone's 375 px width.</summary>
    public async Task<WebPage> Open(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = phone ? new() { Width = 375, Height = 740 } : new() { Width = 1280, Height = 800 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(15_000);
        return new WebPage(context, await context.NewPageAsync(), this);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
