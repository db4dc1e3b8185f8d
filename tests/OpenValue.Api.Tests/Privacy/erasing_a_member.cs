using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using OpenValue.Api.Activity;
using OpenValue.Api.Contributions;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Privacy;

[Collection(AppCollection.Name)]
public class erasing_a_member(AppFixture app)
{
    private readonly ApiClient api = new(app);

    // Long and unusual, so a search of every stored row cannot find them by chance in other text.
    private const string Name = "Dorothea Quixwell";
    private const string Description = "Router jig by Quixwell";
    private const string Evidence = "https://example.org/quixwell-jig";
    private const string Reason = "Quixwell measured it twice";
    private const string IbanText = "GB82WEST12345698765432";

    [Fact]
    public async Task only_a_steward_erases_once_and_another_networks_ids_are_not_found()
    {
        var n = await api.Found();
        var other = await api.Found("Other");
        var dee = await api.Admit(n, "Dee", "user", "contributor", "treasurer", "reviewer");
        var url = n.Url($"/members/{dee.MemberId}/erasure");
        var before = await app.EventCount(n.NetworkId);

        (await api.Post(url, null, dee.Token)).ShouldBeProblem(403, code: "role-required");
        (await api.Post(url, null, other.Token)).ShouldBeProblem(404, code: "network-not-found");
        (await api.Post(other.Url($"/members/{dee.MemberId}/erasure"), null, other.Token))
            .ShouldBeProblem(404, code: "member-not-found");
        (await api.Post(n.Url($"/members/{other.MemberId}/erasure"), null, n.Token))
            .ShouldBeProblem(404, code: "member-not-found");
        (await app.EventCount(n.NetworkId)).Should().Be(before);

        var body = (await api.Post<MemberResponse>(url, null, n.Token)).Expect(200);
        (body.Name, body.Erased).Should().Be(("erased member", true));
        (await app.Events(n.NetworkId, n.NetworkId)).Last().Data.Should().BeOfType<MemberErased>()
            .Which.Should().Be(new MemberErased(n.NetworkId, dee.MemberId, n.MemberId, app.Clock.GetCurrentInstant()));
        (await app.Scalar<bool>("select key is null and erased_at is not null from openvalue.ov_member_keys " +
            "where tenant_id = $1 and member_id = $2", n.NetworkId.ToString(), dee.MemberId)).Should().BeTrue();

        var erasedOnce = await app.EventCount(n.NetworkId);
        (await api.Post(url, null, n.Token)).ShouldBeProblem(409, code: "already-erased");
        // Nothing new of theirs is kept: a new name or payout details are refused, and nothing is appended.
        (await api.Patch(n.Url($"/members/{dee.MemberId}"), new { name = "Dee Again" }, dee.Token))
            .ShouldBeProblem(409, code: "member-erased");
        (await api.Send(HttpMethod.Put, n.Url($"/members/{dee.MemberId}/payout-details"),
            new { accountReference = "PayPal" }, dee.Token)).ShouldBeProblem(409, code: "member-erased");
        (await app.EventCount(n.NetworkId)).Should().Be(erasedOnce);
    }

    [Fact]
    public async Task every_read_shows_an_erased_member_with_every_figure_unchanged_through_a_rebuild()
    {
        var n = await api.Found();
        await api.Adopt(n, Valuations.SlicingPieAt40());
        var dee = await api.Admit(n, Name, "labour", "contributor", "reviewer");
        var details = n.Url($"/members/{dee.MemberId}/payout-details");
        (await api.Send(HttpMethod.Put, details, new { iban = "GB82 WEST 1234 5698 7654 32", bic = "NWBKGB2L" },
            dee.Token)).Status.Should().Be(200);
        var claim = await api.Accepted(n, dee.Token, n.Token,
            Claims.Work("10").With("description", Description).With("evidenceUrl", Evidence));
        var adasClaim = await api.Submit(n, n.Token, Claims.Work("5"));
        (await api.Review(n, adasClaim, dee.Token, "approve", Reason)).Status.Should().Be(200);
        await api.RecordIncome(n, "100.00");
        var distribution = (await api.Proposed(n, "90.00")).DistributionId;
        await api.Paid(n, distribution);
        var reads = Reads(n, dee, claim, adasClaim, distribution);
        var before = await Read(n, reads);
        before[$"/members/{dee.MemberId}"].Should().Contain(Name);
        before["/contributions/" + claim].Should().Contain(Description).And.Contain(Evidence);
        before["payouts.csv"].Should().Contain(",GB82WEST12345698765432,NWBKGB2L,,set");

        (await api.Post(n.Url($"/members/{dee.MemberId}/erasure"), null, n.Token)).Status.Should().Be(200);

        // Every read is what it was, with the name, the texts and the payout details erased and nothing else:
        // every amount, point, share and ledger figure equal to the character.
        var expected = before.ToDictionary(r => r.Key, r => Erased(r.Value, dee.MemberId));
        var after = await Read(n, reads);
        after.Should().Equal(expected);
        after["/shares"].Should().Contain("erased member").And.NotContain(Name);
        (await api.Get(details, n.Token)).ShouldBeProblem(404, code: "payout-details-not-set");
        (await api.Activity(n, n.Token)).Items[0].Type.Should().Be("member-erased");

        await Rebuild();
        (await Read(n, reads)).Should().Equal(expected);
        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);

        foreach (var text in new[] { Name, "Quixwell", Description, Evidence, Reason, IbanText, "GB82 WEST" })
            (await Scan.RowsHolding(app, text)).Should().BeEmpty($"no table may hold '{text}' readably");
        (await Scan.RowsHolding(app, n.NetworkId.ToString())).Should().NotBeEmpty("the scan must see what is stored");
    }

    /// <summary>What a read said before, as it must read once the member is erased.</summary>
    private static string Erased(string text, Guid memberId)
    {
        var erased = text.Replace(Name, "erased member").Replace(Description, "(erased)").Replace(Evidence, "(erased)")
            .Replace(Reason, "(erased)").Replace(",GB82WEST12345698765432,NWBKGB2L,,set", ",,,,missing");
        return Regex.Replace(erased, $"(\"memberId\":\"{memberId}\"[^}}]*\"erased\":)false", "${1}true");
    }

    private static IReadOnlyList<string> Reads(
        FoundedNetwork n, Member dee, Guid claim, Guid adasClaim, Guid distribution) =>
    [
        "/members", $"/members/{dee.MemberId}", "/shares", $"/members/{dee.MemberId}/share", "/ledger",
        $"/distributions/{distribution}", $"/contributions/{claim}", $"/contributions/{adasClaim}",
        $"/contributions?memberId={dee.MemberId}", "/review-queue", "/income",
    ];

    private async Task<Dictionary<string, string>> Read(FoundedNetwork n, IReadOnlyList<string> paths)
    {
        var read = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            var (status, body, _) = await api.Get(n.Url(path), n.Token);
            status.Should().Be(200, $"{path}: {body?.ToJsonString()}");
            read[path] = body!.ToJsonString();
        }
        var distribution = Guid.Parse(paths[5].Split('/')[2]);
        var (_, _, csv) = await api.Get(n.Url($"/distributions/{distribution}/payouts.csv"), n.Token);
        read["payouts.csv"] = await csv.Content.ReadAsStringAsync();
        // The feed without its newest entry, which after the erasure is the erasure itself.
        var items = (await api.Activity(n, n.Token)).Items;
        var older = items.SkipWhile(i => i.Type == "member-erased");
        read["/activity"] = string.Join("\n", older.Select(i => JsonSerializer.Serialize(i, ResponseJson.Options)));
        return read;
    }

    /// <summary>The projections that hold names and texts, rebuilt from the events.</summary>
    private Task Rebuild() => app.Rebuild(async (daemon, timeout) =>
    {
        await daemon.RebuildProjectionAsync<MemberViewProjection>(timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync<ContributionViewProjection>(timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync<ActivityProjection>(timeout, CancellationToken.None);
    });
}
