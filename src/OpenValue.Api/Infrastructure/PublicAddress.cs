using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenValue.Api.Infrastructure;

/// <summary>
/// The address people reach the app at, which the links it hands out (invitations) start with. A configured public
/// URL wins (<see cref="Variable"/>, or <c>OpenValue:PublicUrl</c>); without one, the request's own scheme and host.
/// Behind a reverse proxy those are the proxy's request to the app, unless the proxy is one of
/// <c>OpenValue:TrustedProxies</c>: only then does ASP.NET Core's forwarded-headers middleware take the client's
/// address, scheme and host from its X-Forwarded-For, -Proto and -Host. Nobody else's X-Forwarded-* is believed.
/// </summary>
/// <param name="trustsProxies">Whether any proxy is trusted: then the forwarded-headers middleware runs first.</param>
public sealed class PublicAddress(string? configured, bool trustsProxies = false)
{
    public const string Variable = "OPENVALUE_PUBLIC_URL";

    public bool TrustsProxies => trustsProxies;

    public string Of(HttpRequest request) => configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The configured URL without a trailing slash: absolute, http or https, no query, fragment or user; null
    /// when none is set. A wrong one stops the app at startup rather than hand out broken links.
    /// </summary>
    public static string? Configured(IConfiguration configuration)
    {
        var text = configuration[Variable] is { Length: > 0 } set ? set
            : configuration[$"OpenValue:{nameof(OpenValueOptions.PublicUrl)}"];
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException($"{Variable} (OpenValue:PublicUrl) must be an absolute http or " +
                $"https URL such as https://openvalue.example.org, without a query; got '{text}'.");
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>
    /// Believes forwarded headers from the proxies <c>OpenValue:TrustedProxies</c> lists (addresses or CIDR
    /// networks, separated by commas), and only from them: ASP.NET Core would otherwise trust loopback too.
    /// Returns whether any are listed.
    /// </summary>
    public static bool TrustProxies(IServiceCollection services, IConfiguration configuration)
    {
        var listed = (configuration[$"OpenValue:{nameof(OpenValueOptions.TrustedProxies)}"] ?? "")
            .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (listed.Length == 0)
            return false;
        var (proxies, networks) = (new List<IPAddress>(), new List<System.Net.IPNetwork>());
        foreach (var entry in listed)
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address))
                proxies.Add(address);
            else
                throw new InvalidOperationException($"OpenValue:TrustedProxies: '{entry}' is neither an IP address " +
                    "nor a CIDR network such as 10.0.0.0/8.");
        }
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders =
                ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return true;
    }
}
