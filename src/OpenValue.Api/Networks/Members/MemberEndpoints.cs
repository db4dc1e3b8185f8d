using Marten;
using OpenValue.Api.Networks;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Members;

public sealed record AdmitMemberRequest(string? Name, string? StakeholderClass, IReadOnlyList<string?>? Roles = null);

public sealed record MemberAdmittedResponse(Guid MemberId, string Token, string InvitationUrl);

public sealed record ChangeRolesRequest(IReadOnlyList<string?>? Grant = null, IReadOnlyList<string?>? Revoke = null);

public sealed record ChangeMemberRequest(
    string? Name = null, string? StakeholderClass = null, string? EffectiveOn = null);

/// <summary>When the member left (from the start of <c>On</c>, UTC), under which terms, and when it was
/// recorded.</summary>
public sealed record DepartureResponse(LocalDate On, LeaverTerms Terms, Instant DepartedAt);

/// <summary>
/// <c>Departure</c>: null while a member; a departed member stays listed with it. <c>Erased</c>: their personal
/// data was erased, and <c>Name</c> reads "erased member".
/// </summary>
public sealed record MemberResponse(
    Guid MemberId, string Name, IReadOnlyList<Role> Roles, StakeholderClass StakeholderClass, Instant AdmittedAt,
    DepartureResponse? Departure = null, bool Erased = false)
{
    public static MemberResponse From(MemberView v, Privacy.Unsealed names) =>
        new(v.Id, v.Erased ? Privacy.Unsealed.ErasedName : names.Name(v.Name), v.Roles, v.StakeholderClass,
            v.AdmittedAt,
            v is { DepartedOn: { } on, LeaverTerms: { } terms, DepartedAt: { } at } ? new(on, terms, at) : null,
            v.Erased);

    public static async Task<MemberResponse> Open(
        IQuerySession session, MemberView v, CancellationToken cancellation) =>
        From(v, await Privacy.Unsealed.For(session, [v.Name], cancellation));

    /// <summary>The member as a write's save has just projected it.</summary>
    public static async Task<MemberResponse> Reloaded(
        IQuerySession session, Guid memberId, CancellationToken cancellation) =>
        await Open(session, (await session.LoadAsync<MemberView>(memberId, cancellation))!, cancellation);
}

public sealed record MembersResponse(IReadOnlyList<MemberResponse> Members);

public static class MemberEndpoints
{
    [WolverinePost("/networks/{networkId}/members"), Allow(Role.Steward), Idempotent]
    [EndpointSummary("Admit a member")]
    [EndpointDescription(
        "Admits a person or organisation with roles and a stakeholder class. The new member's token is shown " +
        "once.")]
    [ProducesResponseType<MemberAdmittedResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Admit(
        Guid networkId, AdmitMemberRequest body, HttpContext http, IDocumentSession session) =>
        Write.Idempotent(http, session, async now =>
        {
            var memberId = Guid.CreateVersion7();
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new AdmitMember(memberId, body.Name, body.Roles, body.StakeholderClass, http.Caller()
                .MemberId);
            var existing = await session.LoadAsync<MemberView>(memberId, http.RequestAborted);
            var admitted = Membership.Decide(command, stream.Aggregate!, existing?.ToMember(), now);
            stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted).Seal(admitted));
            var (token, access) = AccessToken.Issue(networkId, memberId, now);
            session.Store(access);
            var invitationUrl = Accounts.Invitations.Issue(session, http.Request, networkId, memberId, now);
            return Outcome.CreatedWithCredential($"/networks/{networkId}/members/{memberId}",
                new MemberAdmittedResponse(memberId, token, invitationUrl));
        });

    [WolverinePost("/networks/{networkId}/members/{memberId}/roles"), Allow(Role.Steward)]
    [EndpointSummary("Grant or revoke roles")]
    [EndpointDescription(
        "Granting a role already held or revoking one not held changes nothing. A network keeps at least one " +
        "steward: revoking the last is 409 last-steward.")]
    public static Task<MemberResponse> ChangeRoles(
        Guid networkId, Guid memberId, ChangeRolesRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new ChangeRoles(memberId, body.Grant, body.Revoke, http.Caller().MemberId);
            // The member document is read after the stream's version: a concurrent change to the network appends
            // to the same stream, so one of two racing decisions fails its version check (409) and none is lost.
            var member = await session.LoadAsync<MemberView>(memberId, http.RequestAborted);
            stream.AppendMany(Membership.Decide(command, stream.Aggregate!, member?.ToMember(), now));
        }, () => MemberResponse.Reloaded(session, memberId, http.RequestAborted));

    [WolverinePatch("/networks/{networkId}/members/{memberId}")]
    [EndpointSummary("Rename a member or change their stakeholder class")]
    [EndpointDescription(
        "A new name takes effect at once; a steward, or the member themself, renames. A new stakeholder class " +
        "takes effect from 'effectiveOn' (an ISO date, not before the member was admitted, not in the future); " +
        "only a steward changes it. Shares as of a moment weigh each member in the class in force then. A body " +
        "that changes nothing is 400.")]
    [ProducesResponseType<MemberResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static Task<MemberResponse> Change(
        Guid networkId, Guid memberId, ChangeMemberRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var caller = http.Caller();
            var stream = await NetworkLookup.FetchForWriting(session, networkId, http.RequestAborted);
            var command = new ChangeMember(memberId, body.Name, body.StakeholderClass, body.EffectiveOn,
                caller.MemberId, caller.Holds(Role.Steward));
            var member = await session.LoadAsync<MemberView>(memberId, http.RequestAborted);
            // The decision compares the new name with the member's own, which the view keeps sealed.
            var name = member is null ? null : (await MemberResponse.Open(session, member, http.RequestAborted)).Name;
            var events = Membership.Decide(command, stream.Aggregate!, member?.ToMember(name), now);
            stream.AppendMany(await new Privacy.PersonalFields(session, http.RequestAborted).Seal(events));
        }, () => MemberResponse.Reloaded(session, memberId, http.RequestAborted));


    [WolverineGet("/networks/{networkId}/members/{memberId}")]
    [EndpointSummary("Get a member")]
    [EndpointDescription("Name, roles, stakeholder class and when they were admitted.")]
    public static async Task<MemberResponse> Get(Guid memberId, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<MemberView>(memberId, http.RequestAborted) is { } view
            ? await MemberResponse.Open(session, view, http.RequestAborted)
            : throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");

    [WolverineGet("/networks/{networkId}/members")]
    [EndpointSummary("List the members")]
    [EndpointDescription("Every member with roles and stakeholder class, in order of admission.")]
    public static async Task<MembersResponse> List(IQuerySession session, HttpContext http)
    {
        var members = await session.Query<MemberView>().OrderBy(m => m.AdmittedAt).ThenBy(m => m.Id)
            .ToListAsync(http.RequestAborted);
        var names = await Privacy.Unsealed.For(session, members.Select(m => m.Name), http.RequestAborted);
        return new MembersResponse([.. members.Select(m => MemberResponse.From(m, names))]);
    }
}
