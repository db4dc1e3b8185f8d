using OpenValue.Api.Privacy;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Privacy;

/// <summary>What a sealed field stored in the database says, opened with its member's key as the app does.</summary>
public static class Stored
{
    public static async Task<string?> Open(AppFixture app, Guid networkId, string stored)
    {
        await using var session = app.Store.QuerySession(networkId.ToString());
        var texts = await Unsealed.For(session, [stored], CancellationToken.None);
        return texts.Open(stored);
    }
}
