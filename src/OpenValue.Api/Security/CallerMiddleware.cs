using Marten;
using Microsoft.Net.Http.Headers;
using Npgsql;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Security;

/// <summary>
/// Guards every route that names a network. Deny by default: no token or an unknown one is 401; a token
/// of another network is 404, exactly as for a network that does not exist, so existence never leaks; a
/// member without a role the endpoint's <see cref="AllowAttribute"/> asks for is 403, and so is a member who
/// has left the network (member-departed), by token or by cookie session alike. Roles are read on
/// every request, so a grant or revocation takes effect on the next one.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public const string NetworkRouteValue = "networkId";

    public async Task InvokeAsync(HttpContext context, IDocumentStore store, FailedAuthentications failures)
    {
        if (context.GetRouteValue(NetworkRouteValue) is not string routeNetwork)
        {
            await next(context);
            return;
        }
        using (var lease = failures.Check(context))
        {
            if (!lease.IsAcquired)
            {
                await AbuseLimits.Reject(context, lease, "too-many-failed-authentications",
                    "Too many requests from this address failed authentication; wait before trying again.");
                return;
            }
        }

        var refusal = await Admit(context, store, routeNetwork);
        if (refusal?.Status == StatusCodes.Status401Unauthorized)
            failures.Count(context);
        if (refusal is null)
            await next(context);
        else
            await Problems.Write(context, refusal);
    }

    private static async Task<Microsoft.AspNetCore.Mvc.ProblemDetails?> Admit(HttpContext context, IDocumentStore store,
        string routeNetwork)
    {
        Guid credentialNetwork;
        MemberView? member;
        if (BearerToken(context) is { } token)
        {
            var (access, tokenMember) = await Lookup(store, AccessToken.Hash(token), context.RequestAborted);
            if (access is null)
                return Unauthenticated(context, "The bearer token is not known.");
            (credentialNetwork, member) = (access.NetworkId, tokenMember);
        }
        else if (await Accounts.CookieSessions.Admit(context, store, routeNetwork) is { } cookie)
        {
            if (cookie.Refusal is not null)
                return cookie.Refusal;
            (credentialNetwork, member) = (cookie.NetworkId, cookie.Member);
        }
        else
            return Unauthenticated(context, "Send 'Authorization: Bearer <member token>', or sign in.");

        if (!Guid.TryParse(routeNetwork, out var networkId) || networkId != credentialNetwork)
            return NetworkNotFound();
        if (member is null)
            return Unauthenticated(context, "The bearer token no longer belongs to a member.");
        // One place for both credentials: a member who left keeps their tokens and account, which stop working.
        if (member.DepartedOn is { } left)
            return Problems.Create(403, "member-departed",
                $"You left this network on {Domain.Dates.Format(left)}: you can no longer sign in to it or act in it.");

        var allowed = context.GetEndpoint()?.Metadata.GetMetadata<AllowAttribute>()?.Roles;
        if (allowed is { Count: > 0 } && !allowed.Any(member.Roles.Contains))
            return Problems.Create(403, "role-required",
                $"This needs the {string.Join(" or ", allowed.Select(Wire.Name))} role.");

        context.Features.Set(new Caller(networkId, member.Id, member.Roles.ToHashSet()));
        return null;
    }

    // The token's record and its member's view in one round trip: every request with a network in its route
    // pays for this lookup, so it is one statement rather than two sessions. The member is looked up in the
    // token's own network (the view's tenant), never the route's.
    private const string LookupSql = """
        select t.data, m.data
          from openvalue.mt_doc_accesstoken t
          left join openvalue.mt_doc_memberview m
            on m.tenant_id = t.data ->> 'networkId' and m.id = (t.data ->> 'memberId')::uuid
         where t.id = $1
        """;

    private static async Task<(AccessToken? Access, MemberView? Member)> Lookup(IDocumentStore store, string hash,
        CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(LookupSql, connection) { Parameters = { new() { Value = hash } } };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellation);
        if (!await reader.ReadAsync(cancellation))
            return (null, null);
        var serializer = store.Options.Serializer();
        var access = serializer.FromJson<AccessToken>(reader, 0);
        var member = await reader.IsDBNullAsync(1, cancellation) ? null : serializer.FromJson<MemberView>(reader, 1);
        return (access, member);
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails NetworkNotFound() =>
        Problems.Create(404, "network-not-found", "No such network.");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unauthenticated(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Create(401, "unauthenticated", detail);
    }

    /// <summary>The bearer token the request carries, if any.</summary>
    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
