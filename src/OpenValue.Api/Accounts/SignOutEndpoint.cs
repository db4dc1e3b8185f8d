using Marten;
using Microsoft.AspNetCore.Mvc;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using Wolverine.Http;

namespace OpenValue.Api.Accounts;

public static class SignOutEndpoint
{
    /// <summary>Ends this browser's session on the server, so a copied cookie stops working too.</summary>
    [WolverinePost("/accounts/sign-out")]
    [EndpointSummary("Sign out")]
    [EndpointDescription("Ends this browser's session on the server, so a copied cookie stops working too.")]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<IResult> SignOut(HttpContext http, IDocumentStore store)
    {
        await using var session = store.LightweightSession();
        return await Write.Run(http, session, async _ =>
        {
            if (await CookieSessions.Current(http, session) is { } signedIn)
            {
                if (!Cookies.CsrfHolds(http, signedIn.Session))
                    return Results.Problem(CookieSessions.CsrfRefused());
                session.Delete(signedIn.Session);
            }
            Cookies.SignOut(http);
            return Results.NoContent();
        });
    }
}
