using Marten;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Privacy;

/// <summary>
/// The one list of personal fields: which field of which event is sealed, and under whose key. Endpoints
/// pass the events a decision made through <see cref="Seal"/> before appending them, so every event stores
/// these fields sealed (docs/architecture.md lists them, and what is not covered). Projections copy them as
/// they are; responses open them with <see cref="Unsealed"/>.
/// </summary>
public sealed class PersonalFields(IQuerySession session, CancellationToken cancellation)
{
    private readonly Dictionary<Guid, byte[]> keys = [];
    private readonly Guid networkId = Guid.Parse(session.TenantId);

    public async Task<object[]> Seal(IEnumerable<object> events)
    {
        var sealedEvents = new List<object>();
        foreach (var e in events)
            sealedEvents.Add(await Seal(e));
        return [.. sealedEvents];
    }

    public async Task<object> Seal(object e) => e switch
    {
        MemberAdmitted a => a with { Name = await Text(a.MemberId, a.Name) },
        MemberRenamed r => r with { Name = await Text(r.MemberId, r.Name) },
        MemberPayoutDetailsSet p => p with
        {
            Iban = await Optional(p.MemberId, p.Iban), Bic = await Optional(p.MemberId, p.Bic),
            AccountReference = await Optional(p.MemberId, p.AccountReference),
        },
        ContributionSubmitted s => s with
        {
            Description = await Text(s.MemberId, s.Description),
            EvidenceUrl = await Optional(s.MemberId, s.EvidenceUrl),
        },
        ContributionAmended a => a with
        {
            Description = await Text(a.AmendedBy, a.Description),
            EvidenceUrl = await Optional(a.AmendedBy, a.EvidenceUrl),
        },
        ContributionReviewed r => r with { Reason = await Optional(r.ReviewerId, r.Reason) },
        ContributionRejected r => r with { Reason = await Text(r.RejectedBy, r.Reason) },
        IncomeRecorded i => i with { Note = await Optional(i.RecordedBy, i.Note) },
        ContributionAcceptanceRevoked r => r with { Reason = await Text(r.RevokedBy, r.Reason) },
        ContributionAppealed a => a with { Reason = await Text(a.AppealedBy, a.Reason) },
        ContributionRevocationRequested q => q with { Reason = await Text(q.RequestedBy, q.Reason) },
        MemberDeparted d => d with { Reason = await Text(d.DepartedBy, d.Reason) },
        _ => e,
    };

    /// <summary>
    /// The same list as stored JSON sees it: per event type, the field naming whose key seals, and the sealed
    /// fields (camelCase, as Marten stores them). <see cref="PersonalDataUpgrade"/> seals events stored before.
    /// </summary>
    public static readonly IReadOnlyList<(Type Event, string Owner, string[] Fields)> Stored =
    [
        (typeof(MemberAdmitted), "memberId", ["name"]),
        (typeof(MemberRenamed), "memberId", ["name"]),
        (typeof(MemberPayoutDetailsSet), "memberId", ["iban", "bic", "accountReference"]),
        (typeof(ContributionSubmitted), "memberId", ["description", "evidenceUrl"]),
        (typeof(ContributionAmended), "amendedBy", ["description", "evidenceUrl"]),
        (typeof(ContributionReviewed), "reviewerId", ["reason"]),
        (typeof(ContributionRejected), "rejectedBy", ["reason"]),
        (typeof(IncomeRecorded), "recordedBy", ["note"]),
        (typeof(ContributionAcceptanceRevoked), "revokedBy", ["reason"]),
        (typeof(ContributionAppealed), "appealedBy", ["reason"]),
        (typeof(ContributionRevocationRequested), "requestedBy", ["reason"]),
        (typeof(MemberDeparted), "departedBy", ["reason"]),
    ];

    /// <summary>Seals one field for the upgrade of stored events (the key made when the member has none).</summary>
    public Task<string> SealStored(Guid memberId, string text) => Text(memberId, text);

    private async Task<string?> Optional(Guid memberId, string? text) =>
        text is null ? null : await Text(memberId, text);

    private async Task<string> Text(Guid memberId, string text)
    {
        if (!keys.TryGetValue(memberId, out var key))
            keys[memberId] = key = await MemberKeys.ForSealing(session, memberId, cancellation);
        return SealedText.Seal(text, networkId, memberId, key);
    }
}
