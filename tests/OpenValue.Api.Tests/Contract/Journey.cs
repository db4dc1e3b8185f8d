using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Contract;

/// <summary>
/// A network's life through every route of the API, each route at least once as it succeeds and most also as
/// they refuse: what a generated client would meet. Every exchange is recorded for checking against the document.
/// </summary>
public sealed class Journey(Recorder http, AppFixture app)
{
    private string n = "";
    private string ada = "", bob = "", cy = "", dee = "";
    private Guid bobId, deeId, projectId, claimId, otherClaimId, payoutId;

    public async Task Run()
    {
        await Networks();
        await Members();
        await Projects();
        await Policies();
        await Valuation();
        await Contributions();
        await Shares();
        await Treasury();
        await Budgeting();
        await MemberPayouts();
        await Activity();
        await LeaverTerms();
        await Governance(); // turns governance on: the direct policy routes are refused from here
        await Accounts();
        await Malformed();
        await CorrectionsAndLeaving();
        await Erasure(); // last: an erased member writes nothing new
    }

    private static readonly object Currency = "EUR";

    private string Url(string path = "") => $"/networks/{n}{path}";

    /// <summary>An invitation accepted with a new account, signing in and out with the session cookie.</summary>
    private async Task Accounts()
    {
        var eve = (await http.Post(Url("/members"), new { name = "Eve", roles = new[] { "contributor" },
            stakeholderClass = "user" }, ada))
            .Expect(201);
        var secret = eve.Id("invitationUrl").Split('#')[1];
        (await http.Post("/accounts/invitations/preview", new { token = "not-a-link" })).Expect(404);
        (await http.Post("/accounts/invitations/preview", new { token = secret })).Expect(200);
        var login = $"eve-{Guid.NewGuid():N}@example.org";
        (await http.Post("/accounts/invitations/acceptance",
            new { token = secret, login, password = "a long and good password", createAccount = true })).Expect(200);
        (await http.Post("/accounts/sign-in", new { login, password = "not the password" })).Expect(401);
        var signedIn = (await http.Post("/accounts/sign-in", new { login, password = "a long and good password" }))
            .Expect(200);
        var cookies = signedIn.Response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var csrf = cookies.Single(c => c.StartsWith("ov_csrf=", StringComparison.Ordinal)).Split('=', 2)[1];
        var jar = new Dictionary<string, string> { ["Cookie"] = string.Join("; ", cookies) };
        (await http.Get("/accounts/me")).Expect(401);
        (await http.Send(HttpMethod.Get, "/accounts/me", null, null, jar)).Expect(200);
        (await http.Post("/accounts/sign-out", null, headers: jar)).Expect(403);
        (await http.Post("/accounts/sign-out", null, headers: new Dictionary<string,
            string>(jar) { ["X-CSRF-Token"] = csrf }))
            .Expect(204);
        (await http.Post(Url($"/members/{eve.Id("memberId")}/invitation"), null, bob)).Expect(403);
        (await http.Post(Url($"/members/{eve.Id("memberId")}/invitation"), null, ada)).Expect(200);
    }

    private async Task Networks()
    {
        (await http.Get("/health")).Expect(200);
        (await http.Post("/networks", new { name = "", currency = Currency, founder = new { name = "Ada" } }))
            .Expect(400);
        var founded = (await http.Post("/networks", new { name = "Journey Makers", currency = Currency,
            founder = new { name = "Ada" } })).Expect(201);
        (n, ada) = (founded.Id("networkId"), founded.Id("token"));
        (await http.Get(founded.Response.Headers.Location!.ToString(), ada)).Expect(200);
        (await http.Get(Url())).Expect(401);
        (await http.Get($"/networks/{Guid.NewGuid()}", ada)).Expect(404);
    }

    private async Task Members()
    {
        var admitted = (await http.Post(Url("/members"), new { name = "Bob", roles = new[] { "contributor",
            "reviewer" }, stakeholderClass = "labour" }, ada)).Expect(201);
        (bob, bobId) = (admitted.Id("token"), Guid.Parse(admitted.Id("memberId")));
        (await http.Get(admitted.Response.Headers.Location!.ToString(), ada)).Expect(200);
        cy = (await http.Post(Url("/members"), new { name = "Cy", roles = new[] { "reviewer", "treasurer" },
            stakeholderClass = "labour" }, ada)).Expect(201).Id("token");
        var dee1 = (await http.Post(Url("/members"), new { name = "Dee", roles = new[] { "contributor" },
            stakeholderClass = "user" }, ada)).Expect(201);
        deeId = Guid.Parse(dee1.Id("memberId"));
        (await http.Post(Url("/members"), new { name = "Eve", stakeholderClass = "user" }, bob)).Expect(403);
        (await http.Post(Url("/members"), new { name = "Eve", stakeholderClass = "nobody" }, ada)).Expect(400);
        (await http.Get(Url("/members"), bob)).Expect(200);
        (await http.Get(Url($"/members/{bobId}"), dee1.Id("token"))).Expect(200);
        (await http.Get(Url($"/members/{Guid.NewGuid()}"), bob)).Expect(404);
        (await http.Post(Url($"/members/{bobId}/roles"), new { grant = new[] { "treasurer" } }, ada)).Expect(200);
        (await http.Post(Url($"/members/{founderId()}/roles"), new { revoke = new[] { "steward" } }, ada)).Expect(409);
        dee = (await http.Post(Url($"/members/{deeId}/token"), null, dee1.Id("token"))).Expect(200).Id("token");
        (await http.Post(Url($"/members/{deeId}/token"), null, bob)).Expect(403);
        (await http.Patch(Url($"/members/{deeId}"), new { name = "Dee Smith" }, dee)).Expect(200);
        (await http.Patch(Url($"/members/{deeId}"), new { stakeholderClass = "investor", effectiveOn = "2026-11-26" },
            bob)).Expect(403);
        (await http.Patch(Url($"/members/{deeId}"), new { stakeholderClass = "nobody", effectiveOn = "2026-11-26" },
            ada)).Expect(400);
        await PayoutDetails();
    }

    /// <summary>Dee's own IBAN, refused to others and when malformed; read by Dee and a treasurer only.</summary>
    private async Task PayoutDetails()
    {
        var details = Url($"/members/{deeId}/payout-details");
        var iban = new { iban = "DE89 3704 0044 0532 0130 00", bic = "COBADEFFXXX" };
        (await http.Put(details, iban, dee)).Expect(200);
        (await http.Put(details, iban, bob)).Expect(403);
        (await http.Put(details, new { iban = "DE89 3704 0044 0532 0130 01" }, dee)).Expect(400);
        (await http.Put(details, new { iban = "DE89 3704 0044 0532 0130 00", accountReference = "PayPal dee" }, dee))
            .Expect(400);
        (await http.Put(Url($"/members/{Guid.NewGuid()}/payout-details"), iban, dee)).Expect(404);
        (await http.Get(details, dee)).Expect(200);
        (await http.Get(details, cy)).Expect(200);
        (await http.Get(Url($"/members/{bobId}/payout-details"), dee)).Expect(403);
        (await http.Get(Url($"/members/{bobId}/payout-details"), cy)).Expect(404);
    }

    /// <summary>A member's personal data erased by a steward, once.</summary>
    private async Task Erasure()
    {
        var erasure = Url($"/members/{deeId}/erasure");
        (await http.Post(erasure, null, bob)).Expect(403);
        (await http.Post(Url($"/members/{Guid.NewGuid()}/erasure"), null, ada)).Expect(404);
        (await http.Post(erasure, null, ada)).Expect(200);
        (await http.Post(erasure, null, ada)).Expect(409);
        var again = new { accountReference = "PayPal dee" };
        // Dee has also left the network by now: any act of theirs is refused before the erasure is looked at.
        (await http.Put(Url($"/members/{deeId}/payout-details"), again, dee)).Expect(403);
    }

    private Guid founderId() => Guid.Parse(http.Exchanges.First(e =>
        e.Method == "POST" && e.Path == "/networks" && e.Status == 201).Body
        .Split("\"memberId\":\"")[1][..36]);

    private async Task Projects()
    {
        var opened = (await http.Post(Url("/projects"), new { name = "Frame v2" }, ada)).Expect(201);
        projectId = Guid.Parse(opened.Id("projectId"));
        (await http.Get(opened.Response.Headers.Location!.ToString(), bob)).Expect(200);
        (await http.Get(Url($"/projects/{Guid.NewGuid()}"), bob)).Expect(404);
        (await http.Post(Url("/projects"), new { name = "" }, ada)).Expect(400);
        (await http.Get(Url("/projects"), bob)).Expect(200);
    }

    private async Task Policies()
    {
        (await http.Post(Url("/review-policy"), new { approvalsRequired = 0 }, ada)).Expect(400);
        (await http.Post(Url("/review-policy"), new { approvalsRequired = 1 }, ada)).Expect(200);
        (await http.Get(Url("/review-policy"), bob)).Expect(200);
        (await http.Post(Url("/treasury-policy"), new { fourEyes = "always" }, bob)).Expect(403);
        (await http.Post(Url("/treasury-policy"), new { fourEyes = "always", coolingOffHours = 0 }, ada)).Expect(200);
        (await http.Get(Url("/treasury-policy"), bob)).Expect(200);
    }

    private async Task Valuation()
    {
        (await http.Get(Url("/value-equations/current"), bob)).Expect(404);
        (await http.Post(Url("/value-equations"), new { preset = "slicing-pie",
            rules = new { work = new { rate = "0" } } }, ada)).Expect(400);
        var adopted = (await http.Post(Url("/value-equations"), new { preset = "slicing-pie" }, ada)).Expect(201);
        (await http.Get(adopted.Response.Headers.Location!.ToString(), bob)).Expect(200);
        (await http.Get(Url("/value-equations/7"), bob)).Expect(404);
        (await http.Get(Url("/value-equations/current"), bob)).Expect(200);
        (await http.Get(Url("/value-equations"), bob)).Expect(200);
        (await http.Post(Url("/value-equations/simulate"), new { preset = "hours-only" }, bob)).Expect(200);
        (await http.Post(Url("/value-equations/simulate"), new { preset = "nope" }, bob)).Expect(400);
    }

    private async Task Contributions()
    {
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "journey-claim-1" };
        var submitted = (await http.Post(Url("/contributions"), Claims.Work(), bob, key)).Expect(201);
        claimId = Guid.Parse(submitted.Id("contributionId"));
        (await http.Post(Url("/contributions"), Claims.Work(), bob, key)).Expect(201);
        (await http.Post(Url("/contributions"), Claims.Work("3"), bob, key)).Expect(422);
        (await http.Post(Url("/contributions"), Claims.Work().With("quantity", 12.5), bob)).Expect(400);
        (await http.Post(Url("/contributions"), Claims.Work(), cy)).Expect(403);
        otherClaimId = Guid.Parse((await http.Post(Url("/contributions"), Claims.Work("2").With("projectId",
            projectId.ToString()), dee)).Expect(201).Id("contributionId"));
        (await http.Get(submitted.Response.Headers.Location!.ToString(), dee)).Expect(200);
        (await http.Get(Url($"/contributions/{Guid.NewGuid()}"), dee)).Expect(404);
        (await http.Get(Url("/contributions?status=bogus"), dee)).Expect(400);
        (await http.Get(Url($"/contributions?status=submitted&memberId={bobId}&page=1&pageSize=10"), dee)).Expect(200);
        (await http.Get(Url("/review-queue"), cy)).Expect(200);
        (await http.Get(Url("/review-queue"), dee)).Expect(403);
        (await http.Put(Url($"/contributions/{claimId}"), Claims.Work("10"), dee)).Expect(403);
        var amended = (await http.Put(Url($"/contributions/{claimId}"), Claims.Work("10"), bob)).Expect(200);
        var version = amended.Body!["version"]!.GetValue<long>();
        (await http.Post(Url($"/contributions/{claimId}/reviews"), new { verdict = "approve",
            expectedVersion = version - 1 }, cy)).Expect(409);
        (await http.Post(Url($"/contributions/{claimId}/reviews"), new { verdict = "approve",
            expectedVersion = version }, bob)).Expect(403);
        (await http.Post(Url($"/contributions/{claimId}/reviews"), new { verdict = "approve" }, cy)).Expect(400);
        (await http.Post(Url($"/contributions/{claimId}/reviews"), new { verdict = "approve",
            expectedVersion = version }, cy)).Expect(200);
        (await http.Post(Url($"/contributions/{otherClaimId}/withdrawal"), null, bob)).Expect(403);
        (await http.Post(Url($"/contributions/{otherClaimId}/withdrawal"), null, dee)).Expect(200);
        (await http.Post(Url("/value-equations/1/revaluation"), new { reason = "" }, ada)).Expect(400);
        (await http.Post(Url("/value-equations/1/revaluation"), new { reason = "Same rates, checked" }, ada))
            .Expect(200);
    }

    private async Task Shares()
    {
        (await http.Get(Url("/shares"), dee)).Expect(200);
        (await http.Get(Url($"/shares?asOf=2026-11-26T00:00:00Z&projectId={projectId}&limit=5"), dee)).Expect(200);
        (await http.Get(Url("/shares?asOf=yesterday"), dee)).Expect(400);
        (await http.Get(Url("/shares?asOf=2999-01-01T00:00:00Z"), dee)).Expect(400);
        (await http.Get(Url($"/members/{bobId}/share"), dee)).Expect(200);
        var now = Uri.EscapeDataString(app.Clock.GetCurrentInstant().ToString());
        (await http.Get(Url($"/members/{bobId}/share?asOf={now}"), dee)).Expect(200);
        (await http.Get(Url($"/members/{Guid.NewGuid()}/share"), dee)).Expect(404);
        (await http.Get(Url($"/shares/history?memberId={bobId}&step=day&from=2026-11-20T00:00:00Z"), dee)).Expect(200);
        (await http.Get(Url("/shares/history?step=year"), dee)).Expect(400);
        (await http.Get(Url("/shares/history?to=2999-01-01T00:00:00Z"), dee)).Expect(400);
        var tokens = Url($"/members/{deeId}/tokens");
        var personal = (await http.Post(tokens, new { name = "dee's script" }, dee)).Expect(201);
        (await http.Post(tokens, new { name = "" }, dee)).Expect(400);
        (await http.Post(tokens, new { name = "not hers" }, ada)).Expect(403);
        (await http.Get(tokens, dee)).Expect(200);
        (await http.Get(tokens, ada)).Expect(403);
        (await http.Send(HttpMethod.Delete, $"{tokens}/{personal.Id("tokenId")}", null, ada)).Expect(403);
        (await http.Send(HttpMethod.Delete, $"{tokens}/{personal.Id("tokenId")}", null, dee)).Expect(204);
        (await http.Send(HttpMethod.Delete, $"{tokens}/{personal.Id("tokenId")}", null, dee)).Expect(404);
    }

    private async Task Treasury()
    {
        var money = new { amount = "1000.00", currency = "EUR" };
        (await http.Post(Url("/income"), new { amount = new { amount = "1.001", currency = "EUR" }, source = "sale",
            receivedOn = "2026-11-25" }, ada)).Expect(400);
        (await http.Post(Url("/income"), new { amount = money, source = "sale", receivedOn = "2026-11-25" }, bob))
            .Expect(201);
        var income = (await http.Post(Url("/income"), new { amount = money, source = "licence-fee",
            receivedOn = "2026-11-24", projectId, note = "Licence" }, ada)).Expect(201);
        (await http.Get(income.Response.Headers.Location!.ToString(), dee)).Expect(200);
        (await http.Get(Url($"/income/{Guid.NewGuid()}"), dee)).Expect(404);
        (await http.Get(Url($"/income?projectId={projectId}&source=licence-fee&from=2026-11-01&to=2026-11-30"), dee))
            .Expect(200);
        (await http.Get(Url("/income?from=someday"), dee)).Expect(400);
        (await http.Get(Url("/ledger"), dee)).Expect(200);
        var twice = (await http.Post(Url("/income"), new { amount = money, source = "sale", receivedOn = "2026-11-25" },
            ada)).Expect(201);
        var reversal = $"/income/{twice.Id("incomeId")}/reversal";
        (await http.Post(Url(reversal), new { reason = "recorded twice" }, dee)).Expect(403);
        (await http.Post(Url(reversal), new { reason = "" }, ada)).Expect(400);
        (await http.Post(Url($"/income/{Guid.NewGuid()}/reversal"), new { reason = "recorded twice" }, ada))
            .Expect(404);
        (await http.Post(Url(reversal), new { reason = "recorded twice" }, ada)).Expect(200);
        (await http.Post(Url(reversal), new { reason = "recorded twice" }, ada)).Expect(409);
        (await http.Get(Url($"/ledger?asOf={Uri.EscapeDataString(app.Clock.GetCurrentInstant().ToString())}"), dee))
            .Expect(200);
        (await http.Get(Url("/ledger?asOf=2999-01-01T00:00:00Z"), dee)).Expect(400);
        (await http.Get(Url("/integrity"), ada)).Expect(200);
        (await http.Get(Url("/integrity"), dee)).Expect(403);

        var proposal = new { amount = new { amount = "500.00", currency = "EUR" }, policy = "pro-rata" };
        (await http.Post(Url("/distributions/preview"), proposal, dee)).Expect(403);
        (await http.Post(Url("/distributions/preview"), new { amount = money, policy = "lottery" }, ada)).Expect(400);
        var tooMuch = new { amount = new { amount = "99999.00", currency = "EUR" }, policy = "pro-rata" };
        (await http.Post(Url("/distributions/preview"), tooMuch, ada)).Expect(409);
        (await http.Post(Url("/distributions/preview"), proposal, ada)).Expect(200);
        (await http.Post(Url("/distributions"), proposal, dee)).Expect(403);
        var proposed = (await http.Post(Url("/distributions"), proposal, ada)).Expect(201);
        var d = proposed.Id("distributionId");
        (await http.Get(proposed.Response.Headers.Location!.ToString(), dee)).Expect(200);
        (await http.Get(Url($"/distributions/{Guid.NewGuid()}"), dee)).Expect(404);
        (await http.Post(Url($"/distributions/{d}/approval"), null, ada)).Expect(403);
        (await http.Get(Url($"/distributions/{d}/payouts.csv"), cy)).Expect(409);
        (await http.Post(Url($"/distributions/{d}/approval"), null, cy)).Expect(200);
        var paid = (await http.Post(Url($"/distributions/{d}/payouts"), null, cy)).Expect(200);
        payoutId = Guid.Parse(paid.Body!["payouts"]![0]!["payoutId"]!.GetValue<string>());
        (await http.Get(Url($"/distributions/{d}/payouts.csv"), cy)).Expect(200);
        (await http.Post(Url($"/payouts/{payoutId}/reversal"), new { reason = "" }, cy)).Expect(400);
        (await http.Post(Url($"/payouts/{payoutId}/reversal"), new { reason = "Returned by the bank" }, cy))
            .Expect(200);
        (await http.Post(Url($"/payouts/{payoutId}/reversal"), new { reason = "Again" }, cy)).Expect(409);
        (await http.Post(Url($"/payouts/{payoutId}/reissue"), null, dee)).Expect(403);
        (await http.Post(Url($"/payouts/{Guid.NewGuid()}/reissue"), null, cy)).Expect(404);
        var reissueKey = new Dictionary<string, string> { ["Idempotency-Key"] = "journey-reissue-1" };
        (await http.Post(Url($"/payouts/{payoutId}/reissue"), null, cy, reissueKey)).Expect(201);
        (await http.Post(Url($"/payouts/{payoutId}/reissue"), null, cy)).Expect(409);
        (await http.Get(Url($"/distributions/{d}/payouts.csv"), cy)).Expect(200);

        var second = (await http.Post(Url("/distributions"), proposal with { policy = "balanced" }, ada)).Expect(201)
            .Id("distributionId");
        (await http.Post(Url($"/distributions/{second}/cancellation"), new { reason = "Wrong month" }, ada))
            .Expect(200);
        (await http.Post(Url($"/distributions/{second}/payouts"), null, cy)).Expect(409);
        (await http.Get(Url("/distributions?status=cancelled"), dee)).Expect(200);
        (await http.Get(Url("/distributions"), dee)).Expect(200);
        (await http.Get(Url("/distributions?status=lost"), dee)).Expect(400);
    }

    /// <summary>A co-budgeting round: budgets of 30.00 / 4 = 7.50 each (Ada, Bob, Cy, Dee), buckets, funding,
    /// closing.</summary>
    private async Task Budgeting()
    {
        static object Eur(string amount) => new { amount, currency = "EUR" };
        (await http.Post(Url("/income"), new { amount = Eur("30.00"), source = "donation",
            receivedOn = "2026-11-25" }, ada))
            .Expect(201);
        var round = new { title = "Q2 surplus", amount = Eur("30.00"), budget = "equal",
            closesAt = Tests.Budgeting.Rounds.WindowEnd(),
            bucketsNeedApproval = true };
        (await http.Post(Url("/rounds"), round, dee)).Expect(403);
        (await http.Post(Url("/rounds"), round with { budget = "lottery" }, ada)).Expect(400);
        var opened = (await http.Post(Url("/rounds"), round, ada, new Dictionary<string,
            string> { ["Idempotency-Key"] = "journey-round-1" }))
            .Expect(201);
        var r = opened.Id("roundId");
        (await http.Get(opened.Response.Headers.Location!.ToString(), dee)).Expect(200);
        (await http.Get(Url($"/rounds/{Guid.NewGuid()}"), dee)).Expect(404);
        (await http.Get(Url("/rounds"), dee)).Expect(200);
        (await http.Get(Url("/rounds?page=0"), dee)).Expect(400);
        var bucket = new { title = "Router jig", description = "For the frame", minGoal = Eur("5.00"),
            maxGoal = Eur("10.00") };
        (await http.Post(Url($"/rounds/{r}/buckets"), bucket with { minGoal = Eur("0") }, bob)).Expect(400);
        var jig = (await http.Post(Url($"/rounds/{r}/buckets"), bucket, bob)).Expect(201).Id("bucketId");
        var kiln = (await http.Post(Url($"/rounds/{r}/buckets"), new { title = "Kiln", minGoal = Eur("1.00"),
            maxGoal = Eur("2.00") }, dee))
            .Expect(201).Id("bucketId");
        var funding = Url($"/rounds/{r}/buckets/{jig}/funding");
        (await http.Post(funding, new { amount = Eur("5.00") }, dee)).Expect(409);
        (await http.Post(Url($"/rounds/{r}/buckets/{jig}/approval"), null, bob)).Expect(403);
        (await http.Post(Url($"/rounds/{r}/buckets/{Guid.NewGuid()}/approval"), null, ada)).Expect(404);
        (await http.Post(Url($"/rounds/{r}/buckets/{jig}/approval"), null, ada)).Expect(200);
        (await http.Post(funding, new { amount = Eur("7.51") }, dee)).Expect(409);
        (await http.Post(funding, new { amount = Eur("0") }, dee)).Expect(400);
        (await http.Post(funding, new { amount = Eur("5.00") }, dee)).Expect(200);
        (await http.Post(funding, new { amount = Eur("-1.00") }, dee)).Expect(200);
        (await http.Post(funding, new { amount = Eur("1.00") }, cy)).Expect(200);
        (await http.Post(Url($"/rounds/{r}/buckets/{kiln}/cancellation"), new { reason = "Not ours" },
            bob)).Expect(403);
        (await http.Post(Url($"/rounds/{r}/buckets/{kiln}/cancellation"), new { reason = "Not needed" },
            dee)).Expect(200);
        (await http.Get(Url($"/rounds/{r}/payouts.csv"), cy)).Expect(409);
        (await http.Post(Url($"/rounds/{r}/closing"), null, dee)).Expect(403);
        (await http.Post(Url($"/rounds/{r}/closing"), null, cy, new Dictionary<string,
            string> { ["Idempotency-Key"] = "journey-close-1" }))
            .Expect(200);
        (await http.Post(funding, new { amount = Eur("1.00") }, dee)).Expect(409);
        (await http.Get(Url($"/rounds/{r}/payouts.csv"), cy)).Expect(200);
        (await http.Get(Url($"/rounds/{r}/payouts.csv"), dee)).Expect(403);
    }

    /// <summary>Bob's payouts (a distribution's line and his round bucket), his own or a treasurer's to read.</summary>
    private async Task MemberPayouts()
    {
        (await http.Get(Url($"/members/{bobId}/payouts?page=1&pageSize=10"), bob)).Expect(200);
        (await http.Get(Url($"/members/{bobId}/payouts"), cy)).Expect(200);
        (await http.Get(Url($"/members/{bobId}/payouts"), dee)).Expect(403);
        (await http.Get(Url($"/members/{Guid.NewGuid()}/payouts"), cy)).Expect(404);
        (await http.Get(Url($"/members/{bobId}/payouts?pageSize=0"), bob)).Expect(400);
    }

    private async Task Activity()
    {
        await app.AsyncProjectionsCaughtUp();
        (await http.Get(Url("/activity?limit=5"), dee)).Expect(200);
        (await http.Get(Url("/activity?limit=0"), dee)).Expect(400);
    }

    /// <summary>Proposals and positions, a withdrawal, an early close, and the governance policy turned on.</summary>
    private async Task Governance()
    {
        var closesAt = (app.Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(5)).ToString();
        var body = new { title = "Two approvals", kind = "review-policy", change = new { approvalsRequired = 2 },
            closesAt };
        (await http.Post(Url("/proposals"), body with { title = "" }, bob)).Expect(400);
        (await http.Post(Url("/proposals"), new { body.title, body.kind, body.change, body.closesAt,
            decisionType = "quorum" },
            bob)).Expect(409);
        var proposed = (await http.Post(Url("/proposals"), body, bob)).Expect(201);
        var p = proposed.Id("proposalId");
        (await http.Get(proposed.Response.Headers.Location!.ToString(), dee)).Expect(200);
        (await http.Get(Url($"/proposals/{Guid.NewGuid()}"), dee)).Expect(404);
        (await http.Get(Url("/proposals?status=open&page=1&pageSize=10"), dee)).Expect(200);
        (await http.Get(Url("/proposals?status=lost"), dee)).Expect(400);
        var late = (await http.Post(Url("/members"), new { name = "Fay", roles = new[] { "contributor" },
            stakeholderClass = "user" },
            ada)).Expect(201).Id("token");
        (await http.Post(Url($"/proposals/{p}/positions"), new { position = "agree" }, late)).Expect(403);
        (await http.Post(Url($"/proposals/{p}/positions"), new { position = "block" }, cy)).Expect(400);
        (await http.Post(Url($"/proposals/{p}/positions"), new { position = "agree" }, cy)).Expect(200);
        (await http.Post(Url($"/proposals/{p}/positions"), new { position = "agree", reason = "Fine" },
            cy)).Expect(200);
        (await http.Post(Url($"/proposals/{p}/withdrawal"), new { }, cy)).Expect(403);
        (await http.Post(Url($"/proposals/{p}/withdrawal"), new { reason = "Wrong moment" }, bob)).Expect(200);
        (await http.Post(Url($"/proposals/{p}/positions"), new { position = "agree" }, ada)).Expect(409);
        var decision = new { title = "Mondays", kind = "decision", change = new { text = "We meet on Mondays." },
            closesAt };
        var q = (await http.Post(Url("/proposals"), decision, ada)).Expect(201).Id("proposalId");
        (await http.Post(Url($"/proposals/{q}/positions"), new { position = "agree" }, late)).Expect(200);
        (await http.Get(Url("/governance-policy"), dee)).Expect(200);
        (await http.Post(Url("/governance-policy"), new { stewardsAdoptDirectly = true }, dee)).Expect(403);
        (await http.Post(Url("/governance-policy"), new { minimumDays = new { quorum = 100 } }, ada)).Expect(400);
        (await http.Post(Url("/governance-policy"), new { decisionTypes = new { decision = "standard" } },
            ada)).Expect(200);
        (await http.Post(Url("/review-policy"), new { approvalsRequired = 2 }, ada)).Expect(403);
    }

    /// <summary>What a client gets wrong before any rule is reached: ids, media types, methods, routes.</summary>
    private async Task Malformed()
    {
        (await http.Get(Url("/contributions/not-a-uuid"), dee)).Expect(400);
        (await http.Get("/networks/not-a-uuid/members", dee)).Expect(400);
        (await http.Send(HttpMethod.Post, Url("/projects"), "name=Frame", ada, contentType: "text/plain")).Expect(415);
        (await http.Post(Url("/projects"), "{\"name\":", ada)).Expect(400);
    }

    /// <summary>A revoked acceptance, appeals of a rejection and of an acceptance, leaver terms and a
    /// departure.</summary>
    /// <summary>The treasury policy's leaver terms, set directly (before the network turns governance on).</summary>
    private async Task LeaverTerms()
    {
        var terms = new { leaverTerms = new { goodLeaverKeeps = new[] { "all" }, badLeaverKeeps = new[] { "cash" } } };
        (await http.Post(Url("/treasury-policy"), new { leaverTerms = new { badLeaverKeeps = new[] { "gold" } } }, ada))
            .Expect(400);
        (await http.Post(Url("/treasury-policy"), terms, ada)).Expect(200);
    }

    private async Task CorrectionsAndLeaving()
    {
        (await http.Post(Url($"/contributions/{claimId}/appeal"), new { reason = "Not done" }, dee)).Expect(200);
        (await http.Get(Url("/contributions?revocationRequested=true"), ada)).Expect(200);
        (await http.Get(Url("/contributions?revocationRequested=false"), ada)).Expect(400);
        (await http.Post(Url($"/contributions/{claimId}/revocation"), new { reason = "" }, ada)).Expect(400);
        (await http.Post(Url($"/contributions/{claimId}/revocation"), new { reason = "Not done" }, bob)).Expect(403);
        (await http.Post(Url($"/contributions/{Guid.NewGuid()}/revocation"), new { reason = "Not done" },
            ada)).Expect(404);
        (await http.Post(Url($"/contributions/{claimId}/revocation"), new { reason = "Not done" }, ada)).Expect(200);
        (await http.Post(Url($"/contributions/{claimId}/revocation"), new { reason = "Not done" }, ada)).Expect(409);
        (await http.Get(Url($"/members/{bobId}/share"), dee)).Expect(200);

        var rejected = Guid.Parse(
            (await http.Post(Url("/contributions"), Claims.Work("1"), bob)).Expect(201).Id("contributionId"));
        var version = (await http.Get(Url($"/contributions/{rejected}"), cy)).Expect(200)
            .Body!["version"]!.GetValue<long>();
        (await http.Post(Url($"/contributions/{rejected}/reviews"),
            new { verdict = "reject", reason = "No evidence", expectedVersion = version }, cy)).Expect(200);
        (await http.Post(Url($"/contributions/{rejected}/appeal"), new { reason = "Evidence added" }, dee)).Expect(403);
        (await http.Post(Url($"/contributions/{rejected}/appeal"), new { reason = "" }, bob)).Expect(400);
        (await http.Post(Url($"/contributions/{rejected}/appeal"), new { reason = "Evidence added" }, bob)).Expect(200);
        (await http.Post(Url($"/contributions/{rejected}/appeal"), new { reason = "Again" }, bob)).Expect(409);

        var departure = new { on = "2026-11-26", terms = "bad-leaver", reason = "Moved away" };
        (await http.Post(Url($"/members/{deeId}/departure"), departure, bob)).Expect(403);
        (await http.Post(Url($"/members/{deeId}/departure"), departure with { on = "2026-11-01" }, ada)).Expect(400);
        (await http.Post(Url($"/members/{founderId()}/departure"), departure with { terms = "good-leaver" },
            ada)).Expect(409);
        (await http.Post(Url($"/members/{Guid.NewGuid()}/departure"), departure, ada)).Expect(404);
        (await http.Post(Url($"/members/{deeId}/departure"), departure, dee)).Expect(200);
        (await http.Post(Url($"/members/{deeId}/departure"), departure, ada)).Expect(409);
        (await http.Get(Url("/members"), dee)).Expect(403);
        (await http.Get(Url($"/members/{deeId}"), ada)).Expect(200);
        (await http.Get(Url("/members"), ada)).Expect(200);
    }
}
