using NodaTime;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The one instant a request decides with, read from the app's <see cref="IClock"/> the first time it is asked
/// for and the same for the rest of the request: every event a request appends carries one time.
/// </summary>
public static class RequestTime
{
    private static readonly object Key = typeof(RequestTime);

    public static Instant Now(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var kept) && kept is Instant now)
            return now;
        now = http.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        http.Items[Key] = now;
        return now;
    }
}
