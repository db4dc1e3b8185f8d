using NodaTime;
using OpenValue.Api.Accounts;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Networks;
using OpenValue.Api.Security;
using OpenValue.Api.Shares;
using OpenValue.Api.Tests.Accounts;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Integrity;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Networks;

/// <summary>POST /networks/{n}/members/{m}/departure, the leaver terms in the treasury policy, and what a departed
/// member can still do (nothing) and still has (their history, their kept points).</summary>
[Collection(AppCollection.Name)]
public class members_leaving(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static object Leave(string terms = "bad-leaver", string? on = "2026-11-26", string? reason = "left") =>
        new { on, terms, reason };

    private Task<Reply<MemberResponse>> Depart(FoundedNetwork n, Guid member, string token, object? body = null) =>
        api.Post<MemberResponse>(n.Url($"/members/{member}/departure"), body ?? Leave(), token);

    [Fact]
    public async Task a_steward_removes_a_bad_leaver_who_stays_listed_with_the_date()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor", "treasurer");
        var body = (await Depart(n, dee.MemberId, n.Token)).Expect(200);
        (body.Departure!.On, body.Departure.Terms).Should().Be((new LocalDate(2026, 11, 26), LeaverTerms.BadLeaver));

        var list = (await api.Get<MembersResponse>(n.Url("/members"), n.Token)).Expect(200).Members;
        list.Single(m => m.MemberId == dee.MemberId).Departure!.On.Should().Be(new LocalDate(2026, 11, 26));
        list.Single(m => m.MemberId == n.MemberId).Departure.Should().BeNull();
        var departed = (await app.Events(n.NetworkId, n.NetworkId)).Last().Data
            .Should().BeOfType<MemberDeparted>().Which;
        (departed.Terms, departed.KeptKinds, departed.Roles, departed.DepartedBy).Should().BeEquivalentTo(
            (LeaverTerms.BadLeaver, new[] { "cash", "expense" }, new[] { Role.Contributor, Role.Treasurer },
                n.MemberId));
        var feed = await api.Activity(n, n.Token);
        feed.Items[0].Summary.Should()
            .Be("The member left the network on 2026-11-26 as a bad-leaver, keeping the points of cash, expense: "
                + "left.");
        var report = await api.Integrity(n);
        report.Intact.Should().BeTrue(report.FirstBreak?.What);
    }

    [Fact]
    public async Task a_departed_member_is_refused_by_token_and_by_cookie_session_alike()
    {
        var (n, _, _) = await api.FoundAndSignIn(Invited.UniqueLogin("ada"));
        var (deeId, link) = await api.AdmitInvited(n, "Dee", "contributor");
        var browser = new Browser(api);
        await browser.Accept(link, Invited.UniqueLogin("dee"));
        var deeToken = (await api.Post<TokenReissuedResponse>(n.Url($"/members/{deeId}/token"), null, n.Token))
            .Expect(200).Token;
        (await browser.Get(n.Url("/members"))).Status.Should().Be(200);
        (await api.Get(n.Url("/members"), deeToken)).Status.Should().Be(200);

        (await Depart(n, deeId, deeToken, Leave(reason: "moving on"))).Status.Should().Be(200);

        (await api.Get(n.Url("/members"), deeToken)).ShouldBeProblem(403, code: "member-departed");
        (await api.Post(n.Url("/contributions"), Claims.Work(), deeToken)).ShouldBeProblem(403,
            code: "member-departed");
        (await browser.Get(n.Url("/members"))).ShouldBeProblem(403, code: "member-departed");
        (await browser.Post(n.Url("/contributions"), Claims.Work())).ShouldBeProblem(403, code: "member-departed");
        (await browser.Get<AccountResponse>("/accounts/me")).Expect(200).Networks.Should()
            .BeEmpty("a network the member left is no longer offered");
    }

    [Fact]
    public async Task refusals_are_problems_and_append_nothing()
    {
        var n = await api.Found();
        var other = await api.Found("Other");
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var eve = await api.Admit(n, "Eve", "user", "contributor");
        var stranger = await api.Admit(other, "Sam", "user", "contributor");
        var count = await app.EventCount(n.NetworkId);

        (await Depart(n, dee.MemberId, eve.Token)).ShouldBeProblem(403, code: "steward-or-self");
        (await Depart(n, dee.MemberId, dee.Token, Leave("good-leaver"))).ShouldBeProblem(403,
            code: "steward-decides-terms");
        (await Depart(n, stranger.MemberId, n.Token)).ShouldBeProblem(404, code: "member-not-found");
        (await Depart(n, dee.MemberId, n.Token, Leave(on: "2026-11-25"))).ShouldBeProblem(400, field: "on");
        (await Depart(n, dee.MemberId, n.Token, Leave(on: "2026-11-27"))).ShouldBeProblem(400, field: "on");
        (await Depart(n, dee.MemberId, n.Token, Leave(terms: "ugly-leaver"))).ShouldBeProblem(400, field: "terms");
        (await Depart(n, dee.MemberId, n.Token, Leave(reason: null))).ShouldBeProblem(400, field: "reason");
        (await Depart(n, n.MemberId, n.Token, Leave("good-leaver"))).ShouldBeProblem(409, code: "last-steward");
        (await app.EventCount(n.NetworkId)).Should().Be(count);

        (await Depart(n, dee.MemberId, n.Token)).Status.Should().Be(200);
        var departed = await app.EventCount(n.NetworkId);
        (await Depart(n, dee.MemberId, n.Token)).ShouldBeProblem(409, code: "already-departed");
        (await api.Post(n.Url($"/members/{dee.MemberId}/roles"), new { grant = new[] { "reviewer" } }, n.Token))
            .ShouldBeProblem(409, code: "member-departed");
        (await api.Post(n.Url($"/members/{dee.MemberId}/token"), null, n.Token)).ShouldBeProblem(409,
            code: "member-departed");
        (await api.Post(n.Url($"/members/{dee.MemberId}/invitation"), null, n.Token))
            .ShouldBeProblem(409, code: "member-departed");
        (await app.EventCount(n.NetworkId)).Should().Be(departed);
        (await app.EventCount(other.NetworkId)).Should().Be(3);
    }

    [Fact]
    public async Task one_of_two_stewards_leaves_and_the_other_is_then_the_last()
    {
        var n = await api.Found();
        var bea = await api.Admit(n, "Bea", "labour", "steward");
        (await Depart(n, n.MemberId, bea.Token, Leave("good-leaver"))).Status.Should().Be(200);
        (await Depart(n, bea.MemberId, bea.Token, Leave("good-leaver"))).ShouldBeProblem(409, code: "last-steward");
    }

    [Fact]
    public async Task an_open_claim_of_a_departed_author_is_no_longer_reviewed()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var id = await api.Submit(n, dee.Token, Claims.Work("5"));
        (await Depart(n, dee.MemberId, dee.Token)).Status.Should().Be(200);
        (await api.Review(n, id, n.Token)).ShouldBeProblem(409, code: "author-departed");
    }

    [Fact]
    public async Task the_treasury_policy_sets_the_networks_own_leaver_terms_recorded_on_each_departure()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var policy = (await api.Get<TreasuryPolicyResponse>(n.Url("/treasury-policy"), dee.Token)).Expect(200);
        policy.LeaverTerms.GoodLeaverKeeps.Should().Equal("all");
        policy.LeaverTerms.BadLeaverKeeps.Should().Equal("cash", "expense");
        (await api.Post(n.Url("/treasury-policy"), new { leaverTerms = new { badLeaverKeeps = new[] { "gold" } } },
            n.Token))
            .ShouldBeProblem(400, field: "leaverTerms.badLeaverKeeps[0]");
        (await api.Post(n.Url("/treasury-policy"), new { leaverTerms = new { badLeaverKeeps = new[] { "cash" } } },
            dee.Token))
            .ShouldBeProblem(403, code: "role-required");

        var set = (await api.Post<TreasuryPolicyResponse>(n.Url("/treasury-policy"),
            new { leaverTerms = new { goodLeaverKeeps = new[] { "work", "cash" },
                badLeaverKeeps = Array.Empty<string>() } },
            n.Token)).Expect(200);
        set.LeaverTerms.GoodLeaverKeeps.Should().Equal("cash", "work");
        set.LeaverTerms.BadLeaverKeeps.Should().BeEmpty();
        (await Depart(n, dee.MemberId, n.Token, Leave("good-leaver"))).Status.Should().Be(200);
        var departed = (await app.Events(n.NetworkId, n.NetworkId)).Last().Data
            .Should().BeOfType<MemberDeparted>().Which;
        departed.KeptKinds.Should().Equal("cash", "work");
    }

    /// <summary>
    /// hours-only (1 point an hour). Dee 10, Bob 30, accepted 2026-11-26. A week later Bob's 5 more open the
    /// ledger's checkpoint of the week from 2026-11-30; then Dee is removed as a bad leaver from 2026-11-28: her
    /// forfeiture lands before that checkpoint (a late entry). As of 2026-11-27T23:59Z: Dee 10 of 40 = 0.25;
    /// from 2026-11-28T00:00Z Bob alone, 30 (share 1); now Bob 35. The verifier recomputes the same ledger.
    /// </summary>
    [Fact]
    public Task a_departure_dated_in_the_past_takes_the_points_from_that_date_through_the_checkpoints() =>
        app.WithClock(async () =>
        {
            var n = await api.Found();
            var bob = await api.Admit(n, "Bob", "labour", "contributor");
            var dee = await api.Admit(n, "Dee", "user", "contributor");
            await api.Adopt(n, new { preset = "hours-only" });
            await api.Accepted(n, dee.Token, n.Token, Claims.Work("10"));
            await api.Accepted(n, bob.Token, n.Token, Claims.Work("30"));
            app.Advance(Duration.FromDays(8)); // 2026-12-04T09:00Z
            await api.Accepted(n, bob.Token, n.Token, Claims.Work("5"));
            (await Depart(n, dee.MemberId, n.Token, Leave(on: "2026-11-28"))).Status.Should().Be(200);

            (await SharesAt(n, "2026-11-27T23:59:00Z")).Should().BeEquivalentTo([("Bob", "30", "0.75"),
                ("Dee", "10", "0.25")]);
            (await SharesAt(n, "2026-11-28T00:00:00Z")).Should().BeEquivalentTo([("Bob", "30", "1")]);
            (await SharesAt(n, "2026-12-01T00:00:00Z")).Should().BeEquivalentTo([("Bob", "30", "1")]);
            (await SharesAt(n, null)).Should().BeEquivalentTo([("Bob", "35", "1")]);
            var report = await api.Integrity(n);
            report.Intact.Should().BeTrue(report.FirstBreak?.What);
        });

    private async Task<List<(string, string, string)>> SharesAt(FoundedNetwork n, string? asOf)
    {
        var shares = await api.Get<SharesResponse>(n.Url(asOf is null ? "/shares" : $"/shares?asOf={asOf}"),
            n.Token);
        return [.. shares.Expect(200).Members.Select(m => (m.Name, m.Points, m.Share))];
    }
}
