using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenValue.Web.Tests.Infrastructure;

/// <summary>One browser profile and its page, collecting what the console reports (a CSP violation is an
/// error).</summary>
public sealed class WebPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly WebFixture fixture;
    private readonly List<string> errors = [];

    public WebPage(IBrowserContext context, IPage page, WebFixture fixture)
    {
        (this.context, Page, this.fixture) = (context, page, fixture);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Errors the page logged, except the failed requests a test provoked on purpose (4xx answers).</summary>
    public IEnumerable<string> Errors => errors.Where(e =>
        !e.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal));

    public async Task GoTo(string path) => await Page.GotoAsync(path);

    /// <summary>
    /// A GET of the API as this browser is signed in (its session cookie, no token): the figures a journey driven
    /// only through the screens compares them with.
    /// </summary>
    public async Task<System.Text.Json.Nodes.JsonNode> Get(string path)
    {
        var response = await Page.APIRequest.GetAsync(path);
        var text = await response.TextAsync();
        response.Status.Should().Be(200, $"GET {path}: {text}");
        return System.Text.Json.Nodes.JsonNode.Parse(text)!;
    }

    /// <summary>Runs axe on the page as it is now: no serious or critical violation, and nothing the console calls an
    /// error.</summary>
    public async Task ShouldBeAccessible()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at "
                + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString())));
        bad.Should().BeEmpty($"axe checks {Page.Url}");
        Errors.Should().BeEmpty("the page logs no error (a Content-Security-Policy violation is one)");
    }

    /// <summary>
    /// With OPENVALUE_SCREENSHOTS=1, saves a picture of the page into docs/screens (the README shows them); a plain
    /// test run leaves the clone's files alone.
    /// </summary>
    public async Task Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("OPENVALUE_SCREENSHOTS") == "1")
            await Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Root, "docs", "screens", name + ".png"),
                FullPage = true });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
