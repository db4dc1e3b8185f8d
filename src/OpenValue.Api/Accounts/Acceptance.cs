using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Domain;

namespace OpenValue.Api.Accounts;

/// <summary>Who accepts an invitation: an account (new or existing), or why nobody may.</summary>
public sealed record Accepting(Account? Account, bool IsNew, ProblemDetails? Refusal);

/// <summary>The steps of accepting an invitation, in the session the endpoint's write shell saves once.</summary>
public static class Acceptance
{
    /// <summary>The account that accepts: the signed-in one, a new one, or one whose password is given.</summary>
    public static async Task<Accepting> Account(
        HttpContext http, IDocumentSession session, AcceptInvitationRequest body, Instant now)
    {
        if (string.IsNullOrWhiteSpace(body.Login))
            return await CurrentAccount(http, session);
        var login = Accounts.Account.NormalLogin(body.Login);
        var existing = await session.Query<Account>().SingleOrDefaultAsync(a => a.Login == login, http.RequestAborted);
        if (body.CreateAccount)
            return new Accepting(Create(http, session, existing, login, body.Password, now), true, null);
        if (string.IsNullOrEmpty(body.Password))
            throw RuleViolation.Invalid("password", "Enter your password.");
        if (Passwords.Check(existing, body.Password, now) is { } refusal)
        {
            // The failed attempt counts towards the lockout although nothing else is saved.
            if (existing is not null)
                session.Store(existing);
            return new Accepting(null, false, refusal);
        }
        Cookies.SignIn(http, session, existing!, now);
        return new Accepting(existing, false, null);
    }

    private static async Task<Accepting> CurrentAccount(HttpContext http, IDocumentSession session)
    {
        if (await CookieSessions.Current(http, session) is not { } signedIn)
            throw RuleViolation.Invalid("login", "Enter a login, or sign in first.");
        return Cookies.CsrfHolds(http, signedIn.Session)
            ? new Accepting(signedIn.Account, false, null)
            : new Accepting(null, false, CookieSessions.CsrfRefused());
    }

    private static Account Create(HttpContext http, IDocumentSession session, Account? existing, string login,
        string? password, Instant now)
    {
        if (existing is not null)
            throw new RuleViolation(RefusalKind.Conflict, "login-taken",
                "An account with this login exists: sign in to it instead, or choose another login.", "login");
        var account = new Account { Id = Guid.CreateVersion7(), Login = login, CreatedAt = now };
        account.PasswordHash = Passwords.Hash(account, Accounts.Account.CheckedPassword(password));
        Cookies.SignIn(http, session, account, now);
        return account;
    }

    /// <summary>
    /// Uses the invitation and links its member to the account. Any other account that signed in as the member
    /// loses it: a fresh invitation is how a steward gives a member who lost access a new way in.
    /// </summary>
    public static async Task MoveMembership(
        IDocumentSession session, Accepting accepting, Invitation invitation, Instant now,
            CancellationToken cancellation)
    {
        var account = accepting.Account!;
        var others = await session.Query<Account>()
            .Where(a => a.Id != account.Id && a.Memberships.Any(m => m.MemberId == invitation.MemberId))
            .ToListAsync(cancellation);
        foreach (var other in others)
        {
            other.Unlink(invitation.MemberId);
            session.Store(other);
        }
        account.Link(invitation.NetworkId, invitation.MemberId);
        // A new account is inserted, not stored: two people racing to create one login get one account and a 409.
        if (accepting.IsNew)
            session.Insert(account);
        else
            session.Store(account);
        invitation.UsedAt = now;
        session.Store(invitation);
    }
}
