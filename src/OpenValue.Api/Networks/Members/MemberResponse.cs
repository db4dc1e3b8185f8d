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
