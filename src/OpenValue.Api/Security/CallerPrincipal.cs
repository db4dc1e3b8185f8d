using System.Security.Claims;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>
/// The principal the authentication handlers make: ids and the member's state of this moment, never a secret or
/// a hash of one. Roles and departure are read from the member view on every request, so a grant, a revocation
/// or a departure counts from the next request on. A credential whose holder has no membership in the route's
/// network (a session of an account that holds none there) carries no network, and so is of another network.
/// </summary>
public static class CallerPrincipal
{
    public const string NetworkClaim = "openvalue:network";
    public const string MemberClaim = "openvalue:member";
    public const string DepartedOnClaim = "openvalue:departed-on";
    public const string AccountClaim = "openvalue:account";
    public const string PersonalTokenClaim = "openvalue:personal-token";

    public static ClaimsPrincipal For(string scheme, Guid? networkId, MemberView? member, params Claim[] credential)
    {
        var claims = new List<Claim>(credential);
        if (networkId is { } network)
            claims.Add(new(NetworkClaim, network.ToString()));
        if (member is not null)
        {
            claims.Add(new(MemberClaim, member.Id.ToString()));
            claims.AddRange(member.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
            if (member.DepartedOn is { } left)
                claims.Add(new(DepartedOnClaim, LocalDatePattern.Iso.Format(left)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, MemberClaim, ClaimTypes.Role));
    }

    public static Guid? Network(ClaimsPrincipal principal) => Id(principal, NetworkClaim);

    public static Guid? Member(ClaimsPrincipal principal) => Id(principal, MemberClaim);

    public static LocalDate? DepartedOn(ClaimsPrincipal principal) =>
        principal.FindFirst(DepartedOnClaim)?.Value is { } on ? LocalDatePattern.Iso.Parse(on).Value : null;

    public static IReadOnlySet<Role> Roles(ClaimsPrincipal principal) =>
        principal.FindAll(ClaimTypes.Role).Select(c => Enum.Parse<Role>(c.Value)).ToHashSet();

    private static Guid? Id(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { } id ? Guid.Parse(id) : null;
}
