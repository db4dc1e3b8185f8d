using System.Text.Json.Nodes;
using NodaTime;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Api.Treasury;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Treasury;

/// <summary>
/// A wrongly accepted claim revoked and a bad leaver's shares, end to end, every number by hand. Slicing Pie at
/// its default 50 an hour: work 50 × 2 = 100 points an hour, cash 1 × 4 = 4 points a euro. Ada (founder, the only
/// treasurer and reviewer) reviews; Bob and Dee claim.
/// </summary>
[Collection(AppCollection.Name)]
public class correcting_and_leaving(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public Task a_wrong_acceptance_revoked_and_a_bad_leaver_with_every_moment_before_each_correction_unchanged() =>
        app.WithClock(async () =>
        {
            var n = await api.Found();
            await api.Adopt(n, new { preset = "slicing-pie" });
            var bob = await api.Admit(n, "Bob", "labour", "contributor");
            var dee = await api.Admit(n, "Dee", "user", "contributor");
            // 2026-11-26T09:00Z. Bob: work 10 h = 1000, cash 250 EUR = 1000.
            // Dee: work 5 h = 500, and a wrong 20 h = 2000.
            var bobsWork = await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));
            await api.Accepted(n, bob.Token, n.Token, Valuations.Cash("250.00"));
            await api.Accepted(n, dee.Token, n.Token, Claims.Work("5"));
            var wrong = await api.Accepted(n, dee.Token, n.Token, Claims.Work("20"));
            var t0 = app.Clock.GetCurrentInstant();
            await api.RecordIncome(n, "1000.00");
            // Bob 2000, Dee 2500 of 4500: 900.00 × 2000/4500 = 400.00, 900.00 × 2500/4500 = 500.00 (no remainder).
            var first = await api.Proposed(n, "900.00");
            first.Lines().Should().BeEquivalentTo([("Bob", "400.00"), ("Dee", "500.00")]);

            app.Advance(Duration.FromDays(1)); // 2026-11-27T09:00Z
            var t1 = app.Clock.GetCurrentInstant();
            (await api.Post(n.Url($"/contributions/{wrong}/revocation"),
                new { reason = "the 20 hours were not worked" },
                n.Token)).Status.Should().Be(200);
            // Now Bob 2000, Dee 500 of 2500: 0.8 and 0.2. As of t0, as before.
            (await Shares(n, null)).Should().BeEquivalentTo([("Bob", "2000", "0.8"), ("Dee", "500", "0.2")]);
            (await Shares(n, t0)).Should().BeEquivalentTo([("Bob", "2000", "0.4444444444444444444444444444"),
                ("Dee", "2500", "0.5555555555555555555555555556")]);
            var kept = await api.Get<DistributionResponse>(n.Url($"/distributions/{first.DistributionId}"), dee.Token);
            kept.Expect(200).Lines().Should().BeEquivalentTo([("Bob", "400.00"), ("Dee", "500.00")],
                "proposed before the revocation");

            app.Advance(Duration.FromDays(1)); // 2026-11-28T09:00Z
            var left = await api.Post<MemberResponse>(n.Url($"/members/{bob.MemberId}/departure"),
                new { on = "2026-11-28", terms = "bad-leaver", reason = "left without notice" }, n.Token);
            left.Expect(200);
            // Bob keeps his cash (1000), forfeits his work (1000) from 2026-11-28T00:00Z. Bob 1000, Dee 500 of 1500.
            (await Shares(n, null)).Should().BeEquivalentTo([("Bob", "1000", "0.6666666666666666666666666667"),
                ("Dee", "500", "0.3333333333333333333333333333")]);
            var lastMomentBefore = Instant.FromUtc(2026, 11, 27, 23, 59, 59);
            (await Shares(n, lastMomentBefore)).Should()
                .BeEquivalentTo([("Bob", "2000", "0.8"), ("Dee", "500", "0.2")]);
            (await Shares(n, t1 - Duration.FromSeconds(1))).Should().BeEquivalentTo(
                [("Bob", "2000", "0.4444444444444444444444444444"), ("Dee", "2500", "0.5555555555555555555555555556")]);

            // The departed Bob is still paid what his kept points earn. 100.00 × 1000/1500 = 66.666… → 66.66 and
            // 100.00 × 500/1500 = 33.333… → 33.33; the cent left goes to the larger remainder (Bob, .0067 > .0033).
            var second = await api.Proposed(n, "100.00");
            second.Lines().Should().BeEquivalentTo([("Bob", "66.67"), ("Dee", "33.33")]);
            var payouts = (await api.Paid(n, second.DistributionId)).Payouts;
            payouts.Select(p => (p.Name, p.Amount.Amount))
                .Should().BeEquivalentTo([("Bob", "66.67"), ("Dee", "33.33")]);

            var bobs = await Explained(n, bob.MemberId);
            bobs.Points.Should().Be("1000");
            var work = Line(bobs, bobsWork);
            (work.Points, work.Forfeiture!.Points, work.Forfeiture.Terms, work.Forfeiture.From)
                .Should().Be(("0", "1000", LeaverTerms.BadLeaver, Instant.FromUtc(2026, 11, 28, 0, 0)));
            var dees = await Explained(n, dee.MemberId);
            (dees.Points, Line(dees, wrong).Points).Should().Be(("500", "0"));
            Line(dees, wrong).Revocation!.Points.Should().Be("2000");

            var report = await api.Integrity(n);
            report.Intact.Should().BeTrue(report.FirstBreak?.What);
        });

    /// <summary>
    /// Every correction in one network's history, each number by hand: income recorded twice and one reversed, a
    /// paid distribution, a bounced payout reissued, a wrongly accepted claim revoked, a bad leaver, a second
    /// distribution, and a member erased, with the moments before each correction read again after it.
    /// </summary>
    [Fact]
    public Task every_correction_in_one_history_keeps_each_earlier_moment_and_every_figure() =>
        app.WithClock(async () =>
        {
            var n = await api.Found();
            await api.Adopt(n, new { preset = "slicing-pie" });
            var bob = await api.Admit(n, "Bob", "labour", "contributor");
            var dee = await api.Admit(n, "Dee", "user", "contributor");
            // Bob: work 10 h = 1000, cash 250 EUR = 1000. Dee: work 5 h = 500, and a wrong 20 h = 2000.
            await api.Accepted(n, bob.Token, n.Token, Claims.Work("10"));
            await api.Accepted(n, bob.Token, n.Token, Valuations.Cash("250.00"));
            await api.Accepted(n, dee.Token, n.Token, Claims.Work("5"));
            var wrong = await api.Accepted(n, dee.Token, n.Token, Claims.Work("20"));

            // Income recorded twice: 2000.00 recorded, nothing reversed yet.
            await api.RecordIncome(n, "1000.00");
            var twice = (await api.Post<IncomeRecordedResponse>(n.Url("/income"), Treasury.Income("1000.00"), n.Token))
                .Expect(201);
            var t0 = app.Clock.GetCurrentInstant();
            await Totals(n, null, recorded: "2000.00", reversed: "0.00", net: "2000.00", undistributed: "2000.00");
            app.Advance(Duration.FromHours(1));
            (await api.Post(n.Url($"/income/{twice.IncomeId}/reversal"), new { reason = "recorded twice" },
                n.Token)).Status.Should().Be(200);
            await Totals(n, null, recorded: "2000.00", reversed: "1000.00", net: "1000.00", undistributed: "1000.00");
            await Totals(n, t0, recorded: "2000.00", reversed: "0.00", net: "2000.00", undistributed: "2000.00");

            // 900.00 over Bob 2000 and Dee 2500 of 4500: 400.00 and 500.00 exactly; 100.00 stays undistributed.
            app.Advance(Duration.FromHours(1));
            var t1 = app.Clock.GetCurrentInstant();
            var first = await api.Proposed(n, "900.00");
            first.Lines().Should().BeEquivalentTo([("Bob", "400.00"), ("Dee", "500.00")]);
            var payouts = (await api.Paid(n, first.DistributionId)).Payouts;
            var dees = payouts.Single(p => p.Name == "Dee").PayoutId;
            // Dee's 500.00 bounces and goes back to the pool (600.00 undistributed), then is paid again once:
            // paid 400 + 500 + 500 = 1400.00, reversed 500.00, distributed 900.00, undistributed 100.00.
            (await api.Post(n.Url($"/payouts/{dees}/reversal"), new { reason = "IBAN closed" }, n.Token))
                .Status.Should().Be(200);
            (await Ledger(n, null)).Undistributed.Amount.Should().Be("600.00");
            (await api.Post(n.Url($"/payouts/{dees}/reissue"), null, n.Token)).Status.Should().Be(201);
            var paidOut = await Ledger(n, null);
            (paidOut.Paid.Amount, paidOut.Reversed.Amount, paidOut.Distributed.Amount,
                paidOut.Undistributed.Amount).Should().Be(("1400.00", "500.00", "900.00", "100.00"));

            // The wrong 2000 points leave from the revocation on: Bob 2000, Dee 500 of 2500 (0.8, 0.2).
            app.Advance(Duration.FromDays(1));
            (await api.Post(n.Url($"/contributions/{wrong}/revocation"), new { reason = "not worked" }, n.Token))
                .Status.Should().Be(200);
            (await Shares(n, null)).Should().BeEquivalentTo([("Bob", "2000", "0.8"), ("Dee", "500", "0.2")]);
            (await Shares(n, t1)).Should().BeEquivalentTo([("Bob", "2000", "0.4444444444444444444444444444"),
                ("Dee", "2500", "0.5555555555555555555555555556")]);

            // Bob leaves as a bad leaver the next day: he keeps his cash (1000). Bob 1000, Dee 500 of 1500.
            app.Advance(Duration.FromDays(1));
            var today = app.Clock.GetCurrentInstant().InUtc().Date.ToString("yyyy-MM-dd", null);
            (await api.Post(n.Url($"/members/{bob.MemberId}/departure"),
                new { on = today, terms = "bad-leaver", reason = "left" }, n.Token)).Status.Should().Be(200);
            (await Shares(n, null)).Should().BeEquivalentTo([("Bob", "1000", "0.6666666666666666666666666667"),
                ("Dee", "500", "0.3333333333333333333333333333")]);
            // 90.00 × 1000/1500 = 60.00 and 90.00 × 500/1500 = 30.00 exactly; 100.00 − 90.00 = 10.00 left.
            var second = await api.Proposed(n, "90.00");
            second.Lines().Should().BeEquivalentTo([("Bob", "60.00"), ("Dee", "30.00")]);
            await api.Paid(n, second.DistributionId);

            // Dee is erased: every figure and every earlier moment reads exactly as before, her name aside.
            var reads = new[]
            {
                "/shares", $"/shares?asOf={Uri.EscapeDataString(t1.ToString())}", "/ledger",
                $"/ledger?asOf={Uri.EscapeDataString(t0.ToString())}", $"/distributions/{first.DistributionId}",
                $"/distributions/{second.DistributionId}",
            };
            var before = await Read(n, reads);
            (await api.Post(n.Url($"/members/{dee.MemberId}/erasure"), null, n.Token)).Status.Should().Be(200);
            var after = await Read(n, reads);
            after.Should().Equal(before.Select(r => r.Replace("\"Dee\"", "\"erased member\"")));
            after.Should().NotContain(r => r.Contains("\"Dee\""));
            (await Ledger(n, null)).Undistributed.Amount.Should().Be("10.00");
            var report = await api.Integrity(n);
            report.Intact.Should().BeTrue(report.FirstBreak?.What);
        });

    private async Task<LedgerResponse> Ledger(FoundedNetwork n, Instant? asOf)
    {
        var query = asOf is { } at ? $"?asOf={Uri.EscapeDataString(at.ToString())}" : "";
        return (await api.Get<LedgerResponse>(n.Url($"/ledger{query}"), n.Token)).Expect(200);
    }

    private async Task Totals(FoundedNetwork n, Instant? asOf, string recorded, string reversed, string net,
        string undistributed)
    {
        var ledger = await Ledger(n, asOf);
        (ledger.RecordedIncome.Amount, ledger.ReversedIncome.Amount, ledger.NetIncome.Amount,
            ledger.Undistributed.Amount).Should().Be((recorded, reversed, net, undistributed));
    }

    private async Task<List<string>> Read(FoundedNetwork n, IEnumerable<string> paths)
    {
        var reads = new List<string>();
        foreach (var path in paths)
        {
            var (status, body, _) = await api.Get(n.Url(path), n.Token);
            status.Should().Be(200, body?.ToJsonString());
            reads.Add(body!.ToJsonString());
        }
        return reads;
    }

    private async Task<List<(string, string, string)>> Shares(FoundedNetwork n, Instant? asOf)
    {
        var query = asOf is { } at ? $"?asOf={Uri.EscapeDataString(at.ToString())}" : "";
        var shares = await api.Get<SharesResponse>(n.Url($"/shares{query}"), n.Token);
        return [.. shares.Expect(200).Members.Select(m => (m.Name, m.Points, m.Share))];
    }

    private async Task<ShareExplanationResponse> Explained(FoundedNetwork n, Guid member) =>
        (await api.Get<ShareExplanationResponse>(n.Url($"/members/{member}/share"), n.Token)).Expect(200);

    private static ExplanationLine Line(ShareExplanationResponse explained, Guid contribution) =>
        explained.Contributions.Single(l => l.ContributionId == contribution);
}
