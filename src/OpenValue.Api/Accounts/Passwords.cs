using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;

namespace OpenValue.Api.Accounts;

/// <summary>Password checks with ASP.NET Core Identity's hasher (PBKDF2, salted) and the account's lockout.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // Verified when no account has the login, so that an unknown login takes as long as a wrong password.
    private static readonly string UnknownLoginHash = Hasher.HashPassword(new Account(), Secrets.New());

    public static string Hash(Account account, string password) => Hasher.HashPassword(account, password);

    /// <summary>Null when the password opens the account (which is then updated); otherwise the refusal.</summary>
    public static ProblemDetails? Check(Account? account, string password, Instant now)
    {
        if (account is null)
        {
            Hasher.VerifyHashedPassword(new Account(), UnknownLoginHash, password);
            return Failed();
        }
        if (account.IsLocked(now))
            return Problems.Create(429, "sign-in-locked",
                "Too many wrong passwords: this account is locked until "
                + $"{account.LockedUntil:uuuu'-'MM'-'dd HH':'mm} UTC.");
        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            account.FailedSignIn(now);
            return Failed();
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = Hash(account, password);
        account.SignedIn();
        return null;
    }

    // One answer for an unknown login and a wrong password: the response does not tell which logins exist.
    private static ProblemDetails Failed() => Problems.Create(401, "sign-in-failed",
        "The login or the password is wrong.");
}
