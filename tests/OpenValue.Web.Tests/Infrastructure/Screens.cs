using Microsoft.Playwright;

namespace OpenValue.Web.Tests.Infrastructure;

/// <summary>Steps people take on several screens, found the way people find them: by role and label.</summary>
public static class Screens
{
    public const string Password = "correct horse battery";

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button,
        new() { Name = name, Exact = true });

    public static ILocator Heading(this IPage page, string name) => page.GetByRole(AriaRole.Heading,
        new() { Name = name, Exact = true });

    /// <summary>Opens an invitation link (the path and fragment, on this server) and creates an account with
    /// it.</summary>
    public static async Task AcceptWithNewAccount(this WebPage web, string invitationUrl, string login)
    {
        var uri = new Uri(invitationUrl);
        await web.GoTo(uri.PathAndQuery + uri.Fragment);
        await web.Page.GetByLabel("Login (email or user name)").FillAsync(login);
        await web.Page.GetByLabel("Password").FillAsync(Password);
        await web.Page.Button("Join").ClickAsync();
        await Assertions.Expect(web.Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/invitation"));
    }

    /// <summary>The field's input is marked invalid and its described-by text says <paramref name="says"/>.</summary>
    public static async Task ShouldShowProblemAt(this IPage page, string label, string says)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(input).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(says,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    public static string UniqueLogin(string who) => $"{who}-{Guid.NewGuid():N}@example.org";
}
