using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Networks;

/// <summary>PATCH /networks/{n}/members/{m}: a new name at once, a new stakeholder class from a date.</summary>
[Collection(AppCollection.Name)]
public class changing_members(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Url(FoundedNetwork n, Member m) => $"/networks/{n.NetworkId}/members/{m.MemberId}";

    [Fact]
    public async Task a_member_renames_themself_and_the_member_view_shows_it()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var changed = await api.Patch<MemberResponse>(Url(n, dee), new { name = "Dee Smith" }, dee.Token);
        changed.Expect(200).Name.Should().Be("Dee Smith");

        (await api.Get<MemberResponse>(Url(n, dee), n.Token)).Expect(200).Name.Should().Be("Dee Smith");
        var renamed = (await app.Events(n.NetworkId, n.NetworkId)).Last().Data.Should().BeOfType<MemberRenamed>().Which;
        // The event keeps the name sealed under Dee's key (Privacy.SealedText); opened, it is the new name.
        renamed.Name.Should().StartWith("ov1.").And.NotContain("Dee");
        (await Privacy.Stored.Open(app, n.NetworkId, renamed.Name)).Should().Be("Dee Smith");
        renamed.Should().Be(
            new MemberRenamed(n.NetworkId, dee.MemberId, renamed.Name, dee.MemberId, app.Clock.GetCurrentInstant()));
    }

    [Fact]
    public async Task a_steward_changes_name_and_class_and_every_member_sees_both_in_the_feed()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var today = app.Clock.GetCurrentInstant().InUtc().Date.ToString("yyyy-MM-dd", null);
        var changed = await api.Patch<MemberResponse>(Url(n, dee), new { name = "Dee Smith",
            stakeholderClass = "investor", effectiveOn = today }, n.Token);
        changed.Expect(200).StakeholderClass.Should().Be(StakeholderClass.Investor);

        var list = await api.Get<MembersResponse>($"/networks/{n.NetworkId}/members", bob.Token);
        var listed = list.Expect(200).Members.Single(m => m.MemberId == dee.MemberId);
        listed.Name.Should().Be("Dee Smith");
        listed.StakeholderClass.Should().Be(StakeholderClass.Investor);

        var feed = await api.Activity(n, bob.Token);
        feed.Items[0].Summary.Should()
            .Be($"Moved the member to the investor class from {today}.");
        feed.Items[1].Summary.Should().Be("Renamed the member to Dee Smith.");
    }

    [Fact]
    public async Task refusals_are_problems_and_append_nothing()
    {
        var n = await api.Found();
        var other = await api.Found("Other");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var eve = await api.Admit(n, "Eve", "user", "contributor", "reviewer");
        var stranger = await api.Admit(other, "Sam", "user", "contributor");
        var count = await app.EventCount(n.NetworkId);

        (await api.Patch(Url(n, dee), new { stakeholderClass = "owner", effectiveOn = "2026-11-26" }, n.Token))
            .ShouldBeProblem(400, field: "stakeholderClass");
        (await api.Patch(Url(n, dee), new { stakeholderClass = "investor", effectiveOn = "2026-11-26" }, dee.Token))
            .ShouldBeProblem(403, code: "steward-only");
        (await api.Patch(Url(n, dee), new { name = "Dee Smith" }, eve.Token)).ShouldBeProblem(403,
            code: "steward-or-self");
        (await api.Patch($"/networks/{n.NetworkId}/members/{stranger.MemberId}", new { name = "Sam Smith" }, n.Token))
            .ShouldBeProblem(404, code: "member-not-found");
        (await api.Patch(Url(n, dee), new { name = " \u200B " }, n.Token)).ShouldBeProblem(400, field: "name");
        (await api.Patch(Url(n, dee), new { stakeholderClass = "investor", effectiveOn = "2026-11-25" }, n.Token))
            .ShouldBeProblem(400, field: "effectiveOn");
        (await api.Patch(Url(n, dee), new { stakeholderClass = "investor", effectiveOn = "2026-11-27" }, n.Token))
            .ShouldBeProblem(400, field: "effectiveOn");
        (await api.Patch(Url(n, dee), new { stakeholderClass = "investor" }, n.Token)).ShouldBeProblem(400,
            field: "effectiveOn");
        (await api.Patch(Url(n, dee), new { name = "Dee" }, n.Token)).ShouldBeProblem(400, field: "name");
        (await api.Patch(Url(n, dee), new { }, n.Token)).ShouldBeProblem(400);

        (await app.EventCount(n.NetworkId)).Should().Be(count);
        (await app.EventCount(other.NetworkId)).Should().Be(3);
    }

    /// <summary>
    /// Bob (labour) 30 points, Dee (user) 10; weights labour 0.5, user 0.5. Before Dee moves: each class's pool
    /// goes to its only holder, Bob 0.5, Dee 0.5. From the day Dee is labour, the user class holds no points and
    /// drops out: labour takes all, Bob 30/40 = 0.75, Dee 10/40 = 0.25.
    /// </summary>
    [Fact]
    public Task shares_as_of_a_moment_weigh_each_member_in_the_class_in_force_then() => app.WithClock(async () =>
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        await api.Adopt(n, new { preset = "hours-only", classWeights = new { labour = "0.5", user = "0.5" } });
        await api.Accepted(n, bob.Token, n.Token, Claims.Work("30"));
        await api.Accepted(n, dee.Token, n.Token, Claims.Work("10"));
        app.Advance(Duration.FromDays(3)); // 2026-11-29
        var source = app.Host.Services.GetRequiredService<IShareSource>();
        async Task<(string, decimal)[]> SharesAt(Instant at) =>
            [.. (await source.AsOf(n.NetworkId, null, at, CancellationToken.None)).Members.Select(m => (m.Name,
                m.Share))];
        var before = Instant.FromUtc(2026, 11, 27, 23, 59);
        var from = Instant.FromUtc(2026, 11, 28, 0, 0);
        (await SharesAt(from)).Should().BeEquivalentTo(new[] { ("Bob", 0.5m), ("Dee", 0.5m) },
            "kept before the change");

        (await api.Patch(Url(n, dee), new { stakeholderClass = "labour", effectiveOn = "2026-11-28" }, n.Token))
            .Status.Should().Be(200);

        (await SharesAt(before)).Should().BeEquivalentTo(new[] { ("Bob", 0.5m), ("Dee", 0.5m) });
        (await SharesAt(from)).Should().BeEquivalentTo(new[] { ("Bob", 0.75m), ("Dee", 0.25m) });

        using (var daemon = await app.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<MemberViewProjection>(TimeSpan.FromMinutes(2), CancellationToken.None);
        (await SharesAt(before)).Should().BeEquivalentTo(new[] { ("Bob", 0.5m), ("Dee", 0.5m) });
        (await SharesAt(from)).Should().BeEquivalentTo(new[] { ("Bob", 0.75m), ("Dee", 0.25m) });
    });

    [Fact]
    public async Task the_integrity_verifier_recomputes_the_changed_member_views_from_the_events()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        (await api.Patch(Url(n, dee), new { name = "Dee Smith", stakeholderClass = "labour",
            effectiveOn = "2026-11-26" },
            n.Token)).Status.Should().Be(200);
        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);

        await Tampering.Sql("update openvalue.mt_doc_memberview set data = jsonb_set(data, '{classes}', '[]') " +
            "where tenant_id = $1 and id = $2", n.NetworkId.ToString(), dee.MemberId);
        (await api.Integrity(n)).Intact.Should().BeFalse("the stored class history no longer follows from the events");
    }
}
