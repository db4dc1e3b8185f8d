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

/// <summary>Payout details opened for the members a response or an export shows.</summary>
public static class OpenedPayoutDetails
{
    /// <summary>A member's opened payout details, as both routes answer them; 404 when none are set.</summary>
    public static async Task<PayoutDetailsResponse> Read(
        IQuerySession session, Guid memberId, CancellationToken cancellation)
    {
        var member = await session.LoadAsync<MemberView>(memberId, cancellation)
            ?? throw RuleViolation.NotFound("member-not-found", $"Member {memberId} is not in this network.");
        var opened = await OpenedPayoutDetails.Load(session, [member], cancellation);
        return opened.GetValueOrDefault(memberId)
            ?? throw RuleViolation.NotFound("payout-details-not-set", $"Member {memberId} has no payout details.");
    }

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
