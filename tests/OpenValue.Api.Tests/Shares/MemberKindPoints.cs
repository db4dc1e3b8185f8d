using Marten;
using NodaTime;
using OpenValue.Api.Shares;

namespace OpenValue.Api.Tests.Shares;

/// <summary>A member's points of one kind: the ledger's answer flattened, to compare with a naive sum.</summary>
public sealed record MemberKindPoints(Guid MemberId, string Kind, decimal Points)
{
    public static async Task<IReadOnlyList<MemberKindPoints>> AsOf(IDocumentStore store, string tenant, Guid? project, Instant at) =>
        [.. (await PointsLedger.TallyAsOf(store, tenant, project, at, CancellationToken.None)).Members()
            .SelectMany(m => m.Kinds.Select(k => new MemberKindPoints(m.MemberId, k.Kind, k.Points)))];
}
