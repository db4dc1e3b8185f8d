using Marten;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks.Projects;
using OpenValue.Domain.Networks;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Integrity;

/// <summary>Compares every stored document of a network with the same document folded from its events.</summary>
internal sealed class DocumentCheck(ISerializer serializer)
{
    public async Task<int> Run(IQuerySession session, Folds folds, Action<IntegrityBreak> found,
        CancellationToken cancellation) =>
        await Compare(session, "Network", folds.Networks, d => d.Id, found, cancellation)
        + await Compare(session, "NetworkView", folds.NetworkViews, d => d.Id, found, cancellation)
        + await Compare(session, "MemberView", folds.Members, d => d.Id, found, cancellation)
        + await Compare(session, "ProjectView", folds.Projects, d => d.Id, found, cancellation)
        + await Compare(session, "Pool", folds.Pools, d => d.Id, found, cancellation)
        + await Compare(session, "Distribution", folds.Distributions, d => d.Id, found, cancellation)
        + await Compare(session, "ContributionView", folds.ContributionViews, d => d.Id, found, cancellation)
        + await Compare(session, "IncomeView", folds.IncomeViews, d => d.Id, found, cancellation)
        + await Compare(session, "Round", folds.Rounds, d => d.Id, found, cancellation)
        + await Compare(session, "MemberPayout", folds.MemberPayouts, d => d.Id, found, cancellation);

    private async Task<int> Compare<T>(IQuerySession session, string name, IReadOnlyDictionary<Guid, T> folded, Func<T,
        Guid> idOf,
        Action<IntegrityBreak> found, CancellationToken cancellation) where T : notnull
    {
        var stored = (await session.Query<T>().ToListAsync(cancellation)).ToDictionary(idOf);
        foreach (var id in stored.Keys.Union(folded.Keys).Order())
        {
            var what = JsonDifference.First(Json(stored.GetValueOrDefault(id)), Json(folded.GetValueOrDefault(id)));
            if (what is not null)
                found(new IntegrityBreak("document", what, StreamId: id, Document: $"{name} {id}"));
        }
        return stored.Count;
    }

    private string? Json(object? document) => document is null ? null : serializer.ToJson(document);
}
