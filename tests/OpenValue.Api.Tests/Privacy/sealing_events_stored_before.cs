using NodaTime;
using OpenValue.Api.Privacy;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Privacy;

/// <summary>
/// A network whose events were stored before sealing (plaintext names and texts, appended here straight to the
/// store as an earlier build did), with a distribution that recorded the chain head over them: the upgrade
/// seals them, and the network reads the same and verifies, its recorded head replaced and the old one kept.
/// </summary>
[Collection(AppCollection.Name)]
public class sealing_events_stored_before(AppFixture app)
{
    private readonly ApiClient api = new(app);

    // A family name of each test's own, so a scan finds only this test's rows (xunit makes one instance a test).
    private readonly string family = "Larkspur" + Guid.NewGuid().ToString("N")[..8];
    private string OldName => $"{family} Oldbuild";
    private string NewName => $"{family} Newbuild";
    private string Description => $"Bench built by {family}";
    private string Reason => $"Which {family} bench?";

    [Fact]
    public async Task plaintext_events_are_sealed_the_network_reads_the_same_and_still_verifies()
    {
        var (n, _, _) = await api.ThreeEqualMembers();
        var (larkspur, claim) = await Plaintext(n);
        await api.RecordIncome(n, "10.00");
        // A distribution's head folds up to the events every reader can see (the high-water mark): wait for it to
        // pass the plaintext events, so the head covers them.
        await app.AsyncProjectionsCaughtUp();
        var distribution = await api.Proposed(n, "10.00");
        var oldHead = distribution.ChainHead!.Hash;
        string[] paths =
        [
            "/members", $"/members/{larkspur}", $"/contributions/{claim}",
            $"/distributions/{distribution.DistributionId}",
        ];
        var before = await Reads(n, paths);
        before["/members"].Should().Contain(NewName);
        (await Scan.RowsHolding(app, family)).Should().NotBeEmpty("an earlier build stored the name plainly");
        (await api.Integrity(n)).Intact.Should().BeTrue();

        var result = await PersonalDataUpgrade.Run(app.Store, n.NetworkId.ToString(), CancellationToken.None);

        // Admitted, renamed, submitted, reviewed: four plaintext events; one distribution recorded a head over them.
        (result.EventsSealed, result.AnchorsResealed, result.Skipped).Should().Be((4, 1, null));
        var kept = await app.Scalar<string>("select encode(old_head, 'hex') || ' ' || encode(new_head, 'hex') " +
            "from openvalue.ov_chain_reseals where tenant_id = $1 and distribution_id = $2", n.NetworkId.ToString(),
            distribution.DistributionId);
        var (keptOld, newHead) = (kept!.Split(' ')[0], kept.Split(' ')[1]);
        keptOld.Should().Be(oldHead);
        newHead.Should().NotBe(oldHead, "the head covers the events' hashes, which covered the plaintext");
        // Every read the same; the distribution shows the head it recorded as it is now.
        (await Reads(n, paths)).Should().Equal(before.ToDictionary(r => r.Key, r => r.Value.Replace(oldHead, newHead)));
        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);
        (await Scan.RowsHolding(app, family)).Should().BeEmpty("every plaintext field is sealed now");

        var again = await PersonalDataUpgrade.Run(app.Store, n.NetworkId.ToString(), CancellationToken.None);
        again.EventsSealed.Should().Be(0, "nothing is left to seal");
    }

    [Fact]
    public async Task a_network_that_does_not_verify_is_left_as_it_is()
    {
        var n = await api.Found();
        await Plaintext(n);
        await Tampering.Sql("update openvalue.mt_events set data = jsonb_set(data, '{name}', '\"Mallory\"') " +
            "where tenant_id = $1 and type = 'network_founded'", n.NetworkId.ToString());

        var result = await PersonalDataUpgrade.Run(app.Store, n.NetworkId.ToString(), CancellationToken.None);

        (result.EventsSealed, result.Skipped).Should().Match<(int, string?)>(r => r.Item1 == 0 && r.Item2 != null);
        (await app.Scalar<long>(
            "select count(*) from openvalue.mt_events where tenant_id = $1 and strpos(data::text, $2) > 0",
            n.NetworkId.ToString(), OldName)).Should().Be(1, "a broken chain is never re-chained over");
    }

    /// <summary>
    /// What an earlier build stored: a member admitted and renamed, their claim and a review, plainly.
    /// </summary>
    private async Task<(Guid Member, Guid Claim)> Plaintext(FoundedNetwork n)
    {
        var (member, claim, at) = (Guid.CreateVersion7(), Guid.CreateVersion7(), app.Clock.GetCurrentInstant());
        await using var session = app.Store.LightweightSession(n.NetworkId.ToString());
        session.Events.Append(n.NetworkId,
            new MemberAdmitted(
                n.NetworkId, member, OldName, [Role.Contributor], StakeholderClass.Labour, n.MemberId, at),
            new MemberRenamed(n.NetworkId, member, NewName, member, at));
        session.Events.StartStream<Contribution>(claim,
            new ContributionSubmitted(claim, member, "work", 3m, "hour", new LocalDate(2026, 11, 20), Description, null,
                null, at),
            new ContributionReviewed(claim, n.MemberId, Verdict.RequestChanges, Reason, 1, at));
        await session.SaveChangesAsync();
        return (member, claim);
    }

    private async Task<Dictionary<string, string>> Reads(FoundedNetwork n, IEnumerable<string> paths)
    {
        var read = new Dictionary<string, string>();
        foreach (var path in paths)
            read[path] = (await api.Get(n.Url(path), n.Token)).Body!.ToJsonString();
        var feed = await api.Activity(n, n.Token);
        read["/activity"] = string.Join("\n", feed.Items.Select(i => i.Summary));
        return read;
    }
}
