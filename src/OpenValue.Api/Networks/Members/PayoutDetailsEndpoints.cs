using Marten;
using OpenValue.Api.Networks;
using OpenValue.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using OpenValue.Api.Infrastructure.OpenApi;
using OpenValue.Api.Privacy;
using OpenValue.Api.Security;
using OpenValue.Domain;
using OpenValue.Domain.Networks;
using Wolverine.Http;

namespace OpenValue.Api.Networks.Members;

public sealed record PayoutDetailsRequest(string? Iban = null, string? Bic = null, string? AccountReference = null);

/// <summary>An IBAN (grouped in fours) with its BIC if given, or an account reference; the other fields null.</summary>
public sealed record PayoutDetailsResponse(
    Guid MemberId, string? Iban, string? Bic, string? AccountReference, Instant SetAt);

public static class PayoutDetailsEndpoints
{
    [WolverinePut("/networks/{networkId}/members/{memberId}/payout-details")]
    [EndpointSummary("Set one's payout details")]
    [EndpointDescription(
        "The member's own: an 'iban' (ISO 13616: spaces ignored; 400 invalid-iban names the failed check in " +
        "'check': characters, country, length or checksum) with an optional 'bic', or an 'accountReference' " +
        "(not both). Replaces the details set before. Stored sealed under the member's key; only the member and " +
        "treasurers read them.")]
    [ProducesResponseType<PayoutDetailsResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    public static Task<PayoutDetailsResponse> Put(
        Guid networkId, Guid memberId, PayoutDetailsRequest body, HttpContext http, IDocumentSession session) =>
        Write.Run(http, session, async now =>
        {
            var cancellation = http.RequestAborted;
            var stream = await NetworkLookup.FetchForWriting(session, networkId, cancellation);
            var command = new SetPayoutDetails(
                memberId, body.Iban, body.Bic, body.AccountReference, http.Caller().MemberId);
            var member = await session.LoadAsync<MemberView>(memberId, cancellation);
            var events = PayoutDetails.Decide(command, stream.Aggregate!, member?.ToMember(), now);
            stream.AppendMany(await new PersonalFields(session, cancellation).Seal(events));
        }, () => Read(session, memberId, http.RequestAborted));

    [WolverineGet("/networks/{networkId}/members/{memberId}/payout-details")]
    [EndpointSummary("Get a member's payout details")]
    [EndpointDescription(
        "The member themself and treasurers only (403 otherwise). 404 payout-details-not-set when the member has " +
        "set none, or their personal data was erased.")]
    [ProducesResponseType<PayoutDetailsResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public static async Task<PayoutDetailsResponse> Get(Guid memberId, HttpContext http, IQuerySession session)
    {
        var caller = http.Caller();
        if (caller.MemberId != memberId && !caller.Holds(Role.Treasurer))
            throw RuleViolation.Forbidden("self-or-treasurer",
                "Only the member themself and treasurers read payout details.");
        return await Read(session, memberId, http.RequestAborted);
    }

    private static async Task<PayoutDetailsResponse> Read(
        IQuerySession session, Guid memberId, CancellationToken cancellation)
    {
        var member = await session.LoadAsync<MemberView>(memberId, cancellation)
            ?? throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
        var opened = await OpenedPayoutDetails.Load(session, [member], cancellation);
        return opened.GetValueOrDefault(memberId)
            ?? throw RuleViolation.NotFound("payout-details-not-set", $"Member {memberId} has no payout details.");
    }
}

/// <summary>Payout details opened for the members a response or an export shows.</summary>
public static class OpenedPayoutDetails
{
    /// <summary>
    /// Each member's details opened; a member without details (none set, or erased, or whose key is gone) is left
    /// out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, PayoutDetailsResponse>> Load(
        IQuerySession session, IReadOnlyCollection<MemberView> members, CancellationToken cancellation)
    {
        var stored = members.Where(m => m.PayoutDetails is not null).ToList();
        var unsealed = await Unsealed.For(session,
            stored.Select(m => m.PayoutDetails!).SelectMany(d => new[] { d.Iban, d.Bic, d.AccountReference }),
            cancellation);
        var details = new Dictionary<Guid, PayoutDetailsResponse>();
        foreach (var member in stored)
        {
            var d = member.PayoutDetails!;
            var (iban, bic) = (unsealed.Open(d.Iban), unsealed.Open(d.Bic));
            var reference = unsealed.Open(d.AccountReference);
            if (iban is null && reference is null)
                continue;
            details[member.Id] = new PayoutDetailsResponse(
                member.Id, iban is null ? null : Iban.Grouped(iban), bic, reference, d.SetAt);
        }
        return details;
    }
}
