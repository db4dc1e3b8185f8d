using NodaTime;
using OpenValue.Domain;

namespace OpenValue.Api.Accounts;

/// <summary>Which member of which network an account signs in as; one per network.</summary>
public sealed record AccountMembership(Guid NetworkId, Guid MemberId);

/// <summary>
/// A person's sign-in identity: a login and a password hash (ASP.NET Core Identity's PBKDF2 format). A document,
/// never an event: it is a credential that changes, not a fact of the ledger. Global (not tenanted) because
/// one account holds memberships in several networks.
/// </summary>
public sealed class Account
{
    public const int MaxFailedSignIns = 5;
    public static readonly Duration LockedFor = Duration.FromMinutes(15);

    public Guid Id { get; set; }

    /// <summary>Trimmed and lower-cased, so "Ada@Example.org" and "ada@example.org" are one account.</summary>
    public string Login { get; set; } = "";

    public string PasswordHash { get; set; } = "";
    public List<AccountMembership> Memberships { get; set; } = [];
    public int FailedSignIns { get; set; }
    public Instant? LockedUntil { get; set; }
    public Instant CreatedAt { get; set; }

    public bool IsLocked(Instant now) => LockedUntil is { } until && until > now;

    /// <summary>A wrong password counts; the fifth in a row locks the account for a while and starts the count
    /// again.</summary>
    public void FailedSignIn(Instant now)
    {
        FailedSignIns++;
        if (FailedSignIns < MaxFailedSignIns)
            return;
        LockedUntil = now + LockedFor;
        FailedSignIns = 0;
    }

    public void SignedIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>Links the member to this account, replacing any other membership it held in that network.</summary>
    public void Link(Guid networkId, Guid memberId) =>
        Memberships = [.. Memberships.Where(m => m.NetworkId != networkId), new AccountMembership(networkId, memberId)];

    public void Unlink(Guid memberId) => Memberships = [.. Memberships.Where(m => m.MemberId != memberId)];

    public static string NormalLogin(string? login)
    {
        var normal = login?.Trim().ToLowerInvariant() ?? "";
        if (normal.Length is < 3 or > 200 || normal.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw RuleViolation.Invalid("login",
                "A login (an email address or a user name) is 3 to 200 characters without spaces.");
        return normal;
    }

    /// <summary>Length is what makes a password hard to guess; the upper bound keeps hashing cheap for the
    /// server.</summary>
    public static string CheckedPassword(string? password) =>
        password is { Length: >= 10 and <= 256 } ? password
            : throw RuleViolation.Invalid("password", "A password is 10 to 256 characters long.");
}
