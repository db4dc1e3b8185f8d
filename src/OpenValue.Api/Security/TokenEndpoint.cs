using Marten;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Networks.Members;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Security;

public sealed record TokenReissuedResponse(Guid MemberId, string Token);

public static class TokenEndpoint
{
    /// <summary>
    /// A lost or leaked token is replaced: by the member themself, or by a steward for anyone in the network.
    /// Every earlier token of the member stops working in the same transaction; the fact is recorded on the
    /// network stream (who reset whose credentials, never the credential). The new token is shown once.
    /// </summary>
    [WolverinePost("/networks/{networkId}/members/{memberId}/token")]
    [EndpointSummary("Reissue a member's token")]
    [EndpointDescription(
        "By the member themself or a steward. Every earlier token of the member stops working at once; the new " +
        "one is shown once.")]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    public static Task<TokenReissuedResponse> Reissue(Guid networkId, Guid memberId, HttpContext http,
        IDocumentSession session) => Write.Run(http, session, async now =>
    {
        var caller = http.Caller();
        if (caller.MemberId != memberId && !caller.Holds(Role.Steward))
            throw RuleViolation.Forbidden("role-required",
                "Only the member themself or a steward can reissue a member's token.");
        if (await session.LoadAsync<MemberView>(memberId, http.RequestAborted) is not { } member)
            throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
        if (member.DepartedOn is not null)
            throw Membership.Departed(member.ToMember());

        session.DeleteWhere<AccessToken>(t => t.NetworkId == networkId && t.MemberId == memberId);
        var (token, access) = AccessToken.Issue(networkId, memberId, now);
        session.Store(access);
        session.Events.Append(networkId, new MemberTokenReissued(networkId, memberId, caller.MemberId, now));
        return new TokenReissuedResponse(memberId, token);
    });
}
