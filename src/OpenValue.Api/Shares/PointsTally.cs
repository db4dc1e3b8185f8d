using System.Runtime.InteropServices;
using OpenValue.Domain.Money;

namespace OpenValue.Api.Shares;

/// <summary>One member's points in a scope: the sum, and the parts by kind in ordinal order (none of them 0).</summary>
public sealed record MemberPoints(Guid MemberId, decimal Points, IReadOnlyList<(string Kind, decimal Points)> Kinds)
{
    /// <summary>The parts as a dictionary (in kind order), made only for the lines a response shows.</summary>
    public IReadOnlyDictionary<string, decimal> ByKind() => Kinds.ToDictionary(k => k.Kind, k => k.Points);
}

/// <summary>
/// Sums points by member and kind from rows in any order, then lists the members in <see cref="MemberIdOrder"/>
/// with their kinds in ordinal order, leaving out kinds that net to 0 and members left with none. Built for
/// 10,000 members a request: one dictionary entry and one short list per member, one sort on 128-bit keys.
/// </summary>
public sealed class PointsTally
{
    private readonly Dictionary<Guid, List<(string Kind, decimal Points)>> members = [];

    public void Add(Guid member, string kind, decimal points)
    {
        ref var kinds = ref CollectionsMarshal.GetValueRefOrAddDefault(members, member, out _);
        kinds ??= new List<(string, decimal)>(2);
        for (var i = 0; i < kinds.Count; i++)
            if (string.Equals(kinds[i].Kind, kind, StringComparison.Ordinal))
            {
                kinds[i] = (kind, kinds[i].Points + points);
                return;
            }
        kinds.Add((kind, points));
    }

    /// <summary>Adds every part of <paramref name="other"/> times <paramref name="sign"/> (−1 takes a window's start away).</summary>
    public void Add(PointsTally other, decimal sign)
    {
        foreach (var (member, kinds) in other.members)
            foreach (var (kind, points) in kinds)
                Add(member, kind, sign * points);
    }

    public List<MemberPoints> Members()
    {
        var keys = new List<UInt128>(members.Count);
        var result = new List<MemberPoints>(members.Count);
        foreach (var (member, kinds) in members)
        {
            kinds.RemoveAll(k => k.Points == 0);
            if (kinds.Count == 0)
                continue;
            if (kinds.Count > 1)
                kinds.Sort(static (x, y) => string.CompareOrdinal(x.Kind, y.Kind));
            var sum = 0m;
            foreach (var (_, points) in kinds)
                sum += points;
            keys.Add(MemberIdOrder.Key(member));
            result.Add(new MemberPoints(member, sum, kinds));
        }
        CollectionsMarshal.AsSpan(keys).Sort(CollectionsMarshal.AsSpan(result));
        return result;
    }
}
