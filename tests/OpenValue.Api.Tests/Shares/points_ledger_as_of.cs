using Marten;
using NodaTime;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Shares;

/// <summary>The as-of ledger against a naive sum over the same entries, on the real database.</summary>
[Collection(AppCollection.Name)]
public class points_ledger_as_of(AppFixture app)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 1, 5, 0, 0); // an ISO week start
    private readonly Guid ada = Guid.Parse("00000000-0000-7000-8000-00000000000a");
    private readonly Guid bob = Guid.Parse("00000000-0000-7000-8000-00000000000b");
    private readonly Guid frame = Guid.Parse("00000000-0000-7000-8000-0000000000f0");
    private long seq = 1;

    private PointsEntry Entry(Guid member, string kind, decimal points, Instant at, Guid? project = null) =>
        new(seq++, Guid.NewGuid(), member, project, kind, points, at);

    private async Task Record(string tenant, params PointsEntry[] entries)
    {
        await using var session = app.Store.LightweightSession(tenant);
        foreach (var entry in entries)
            PointsLedger.Record(session, tenant, entry);
        await session.SaveChangesAsync();
    }

    private Task<IReadOnlyList<MemberKindPoints>> AsOf(string tenant, Instant at, Guid? project = null) =>
        MemberKindPoints.AsOf(app.Store, tenant, project, at);

    [Fact]
    public async Task points_count_from_the_instant_they_were_granted()
    {
        var tenant = Guid.NewGuid().ToString();
        var noon = Monday + Duration.FromHours(12);
        await Record(tenant, Entry(ada, "work", 9600m, noon), Entry(bob, "cash", 2000m, noon + Duration.FromDays(10)));

        (await AsOf(tenant, noon - Duration.FromTicks(1))).Should().BeEmpty();
        (await AsOf(tenant, noon)).Should().Equal(new MemberKindPoints(ada, "work", 9600m));
        (await AsOf(tenant, noon + Duration.FromDays(10) - Duration.FromSeconds(1))).Should().Equal(new MemberKindPoints(ada, "work", 9600m));
        (await AsOf(tenant, noon + Duration.FromDays(400))).Should().Equal(
            new MemberKindPoints(ada, "work", 9600m), new MemberKindPoints(bob, "cash", 2000m));
    }

    [Fact]
    public async Task a_late_entry_for_an_earlier_week_corrects_the_checkpoints_after_it()
    {
        var tenant = Guid.NewGuid().ToString();
        await Record(tenant, Entry(ada, "work", 10m, Monday + Duration.FromDays(30)));
        await Record(tenant, Entry(ada, "work", 0.5m, Monday + Duration.FromDays(2)), Entry(bob, "care", 3m, Monday + Duration.FromDays(15)));

        (await AsOf(tenant, Monday + Duration.FromDays(20))).Should().Equal(
            new MemberKindPoints(ada, "work", 0.5m), new MemberKindPoints(bob, "care", 3m));
        (await AsOf(tenant, Monday + Duration.FromDays(60))).Should().Equal(
            new MemberKindPoints(ada, "work", 10.5m), new MemberKindPoints(bob, "care", 3m));
    }

    [Fact]
    public async Task a_negative_correction_subtracts_and_a_replayed_entry_counts_once()
    {
        var tenant = Guid.NewGuid().ToString();
        var granted = Entry(ada, "work", 100m, Monday);
        await Record(tenant, granted, Entry(ada, "work", -40m, Monday + Duration.FromDays(9)));
        await Record(tenant, granted);

        (await AsOf(tenant, Monday + Duration.FromDays(8))).Should().Equal(new MemberKindPoints(ada, "work", 100m));
        (await AsOf(tenant, Monday + Duration.FromDays(9))).Should().Equal(new MemberKindPoints(ada, "work", 60m));
    }

    [Fact]
    public async Task a_project_scope_counts_only_that_projects_entries_and_tenants_never_mix()
    {
        var tenant = Guid.NewGuid().ToString();
        var other = Guid.NewGuid().ToString();
        await Record(tenant, Entry(ada, "design", 7m, Monday, frame), Entry(bob, "work", 5m, Monday));
        await Record(other, Entry(bob, "work", 1000m, Monday, frame));

        var later = Monday + Duration.FromDays(1);
        (await AsOf(tenant, later, frame)).Should().Equal(new MemberKindPoints(ada, "design", 7m));
        (await AsOf(tenant, later)).Should().HaveCount(2);
        (await AsOf(other, later)).Should().Equal(new MemberKindPoints(bob, "work", 1000m));
    }

    [Fact]
    public async Task a_late_entry_for_a_member_new_to_later_weeks_joins_their_checkpoints()
    {
        var tenant = Guid.NewGuid().ToString();
        await Record(tenant, Entry(ada, "work", 10m, Monday + Duration.FromDays(1)), Entry(ada, "work", 1m, Monday + Duration.FromDays(22)));
        await Record(tenant, Entry(bob, "care", 4m, Monday + Duration.FromDays(2)));

        foreach (var days in new[] { 8, 15, 22 }) // checkpoints and days of later weeks, then the latest week (running totals)
            (await AsOf(tenant, Monday + Duration.FromDays(days))).Should().Equal(
                new MemberKindPoints(ada, "work", days == 22 ? 11m : 10m), new MemberKindPoints(bob, "care", 4m));
        (await AsOf(tenant, Monday + Duration.FromDays(2) - Duration.FromTicks(1))).Should().Equal(new MemberKindPoints(ada, "work", 10m));
    }

    [Fact]
    public async Task totals_match_a_naive_sum_at_many_moments_over_a_year_live_and_derived_again_from_the_days()
    {
        var tenant = Guid.NewGuid().ToString();
        var random = new Random(20261126);
        string[] kinds = ["work", "cash", "design"];
        Guid[] members = [.. Enumerable.Range(0, 7).Select(_ => Guid.CreateVersion7())];
        var entries = Enumerable.Range(0, 600).Select(_ => Entry(
            members[random.Next(members.Length)], kinds[random.Next(kinds.Length)],
            Math.Round((decimal)random.Next(-500, 5000) / 100m, 2),
            Monday + Duration.FromSeconds(random.NextInt64(0, 365L * 86400)),
            random.Next(3) == 0 ? frame : null)).ToList();
        foreach (var chunk in entries.Chunk(50))
            await Record(tenant, chunk); // out of time order on purpose: exercises late entries

        // Moments over the whole year (checkpoints), in and after the latest week (running totals less the
        // entries after the moment), and the exact instants of some entries (an entry counts at its own instant).
        var moments = Enumerable.Range(0, 25).Select(_ => Monday + Duration.FromSeconds(random.NextInt64(-86400, 380L * 86400)))
            .Concat(Enumerable.Range(0, 15).Select(_ => Monday + Duration.FromSeconds(random.NextInt64(355L * 86400, 372L * 86400))))
            .Concat(entries.Take(10).Select(e => e.At)).ToList();
        (await Scalar("select count(*) from openvalue.ov_points_late where tenant_id = $1", tenant)).Should().BeGreaterThan(100, "most entries came late");
        await ShouldMatchNaiveSums(tenant, entries, moments);

        foreach (var scope in new[] { Guid.Empty, frame })
            await Scalar("select openvalue.ov_points_derive($1, $2)::text", tenant, scope);
        (await Scalar("select count(*) from openvalue.ov_points_late where tenant_id = $1", tenant)).Should().Be(0, "derived checkpoints lack nothing");
        await ShouldMatchNaiveSums(tenant, entries, moments);
    }

    private async Task<long> Scalar(string sql, params object[] values)
    {
        await using var connection = app.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.AddWithValue(value);
        return await command.ExecuteScalarAsync() is long count ? count : 0;
    }

    private async Task ShouldMatchNaiveSums(string tenant, List<PointsEntry> entries, IEnumerable<Instant> moments)
    {
        foreach (var at in moments)
            foreach (var project in new Guid?[] { null, frame })
            {
                var expected = entries.Where(e => e.At <= at && (project is null || e.ProjectId == project))
                    .GroupBy(e => (e.MemberId, e.Kind)).Select(g => new MemberKindPoints(g.Key.MemberId, g.Key.Kind, g.Sum(e => e.Points)))
                    .Where(p => p.Points != 0).OrderBy(p => p.MemberId.ToString("D"), StringComparer.Ordinal).ThenBy(p => p.Kind, StringComparer.Ordinal);
                (await AsOf(tenant, at, project)).Should().Equal(expected, $"as of {at} in scope {project}");
            }
    }
}
