using Microsoft.Playwright;

namespace OpenValue.Web.Tests.Infrastructure;

/// <summary>The accessibility check is only worth something if it fails on a page with a serious violation.</summary>
[Collection(WebCollection.Name)]
public class the_checks_can_fail(WebFixture web)
{
    [Fact]
    public async Task axe_refuses_a_button_without_a_name()
    {
        await using var page = await web.Open();
        await page.Page.SetContentAsync("<html lang=\"en\"><body><main><button></button></main></body></html>");

        var check = () => page.ShouldBeAccessible();
        (await check.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("button-name");
    }
}
