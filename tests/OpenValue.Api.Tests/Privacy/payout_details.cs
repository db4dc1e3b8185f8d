using OpenValue.Api.Networks.Members;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Networks;

namespace OpenValue.Api.Tests.Privacy;

[Collection(AppCollection.Name)]
public class payout_details(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static string Url(FoundedNetwork n, Member m) => n.Url($"/members/{m.MemberId}/payout-details");

    private Task<Reply<PayoutDetailsResponse>> Put(FoundedNetwork n, Member m, object body, string token) =>
        api.Send<PayoutDetailsResponse>(HttpMethod.Put, Url(n, m), body, token);

    [Fact]
    public async Task a_member_sets_an_iban_and_reads_it_back_and_the_event_keeps_it_sealed()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var typed = new { iban = "de89 3704 0044 0532 0130 00", bic = "cobadeffxxx" };
        var body = (await Put(n, dee, typed, dee.Token)).Expect(200);
        (body.Iban, body.Bic).Should().Be(("DE89 3704 0044 0532 0130 00", "COBADEFFXXX"));
        body.AccountReference.Should().BeNull();

        var set = (await app.Events(n.NetworkId, n.NetworkId)).Last().Data
            .Should().BeOfType<MemberPayoutDetailsSet>().Which;
        set.Iban.Should().StartWith("ov1.").And.NotContain("3704");
        (await Stored.Open(app, n.NetworkId, set.Iban!)).Should().Be("DE89370400440532013000");
        (await app.Scalar<long>(
            "select count(*) from openvalue.mt_events where tenant_id = $1 and strpos(data::text, $2) > 0",
            n.NetworkId.ToString(), "DE8937040044")).Should().Be(0);

        // An account reference replaces the IBAN.
        (await Put(n, dee, new { accountReference = "PayPal dee@example.org" }, dee.Token)).Status.Should().Be(200);
        var got = (await api.Get<PayoutDetailsResponse>(Url(n, dee), dee.Token)).Expect(200);
        (got.Iban, got.Bic).Should().Be(((string?)null, (string?)null));
        got.AccountReference.Should().Be("PayPal dee@example.org");
    }

    [Fact]
    public async Task only_the_member_and_treasurers_read_them_and_only_the_member_sets_them()
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var eve = await api.Admit(n, "Eve", "user", "contributor", "reviewer", "steward");
        var tess = await api.Admit(n, "Tess", "user", "treasurer");
        (await Put(n, dee, new { accountReference = "PayPal dee" }, dee.Token)).Status.Should().Be(200);
        var before = await app.EventCount(n.NetworkId);

        (await api.Get(Url(n, dee), dee.Token)).Status.Should().Be(200);
        (await api.Get(Url(n, dee), tess.Token)).Status.Should().Be(200);
        (await api.Get(Url(n, dee), n.Token)).Status.Should().Be(200, "the founder is a treasurer too");
        (await api.Get(Url(n, dee), eve.Token)).ShouldBeProblem(403, code: "self-or-treasurer");
        (await api.Get(Url(n, eve), tess.Token)).ShouldBeProblem(404, code: "payout-details-not-set");
        (await Put(n, dee, new { accountReference = "Eve's account" }, eve.Token))
            .ShouldBeProblem(403, code: "self-only");
        (await Put(n, dee, new { accountReference = "Tess's account" }, tess.Token))
            .ShouldBeProblem(403, code: "self-only");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task another_networks_ids_are_not_found()
    {
        var a = await api.Found("A");
        var b = await api.Found("B");
        var dee = await api.Admit(a, "Dee", "user", "contributor");
        (await Put(a, dee, new { accountReference = "PayPal dee" }, dee.Token)).Status.Should().Be(200);
        var before = await app.EventCount(b.NetworkId);

        // B's treasurer names A's member in B's network (404 member), or A's network (404 network).
        (await api.Get(Url(b, dee), b.Token)).ShouldBeProblem(404, code: "member-not-found");
        (await api.Get(Url(a, dee), b.Token)).ShouldBeProblem(404, code: "network-not-found");
        (await Put(a, dee, new { accountReference = "x" }, b.Token)).ShouldBeProblem(404, code: "network-not-found");
        var bMember = new Member(b.MemberId, b.Token);
        (await Put(a, bMember, new { accountReference = "x" }, dee.Token))
            .ShouldBeProblem(404, code: "member-not-found");
        (await app.EventCount(b.NetworkId)).Should().Be(before);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 0!", null, "iban", "characters")]
    [InlineData("XX89 3704 0044 0532 0130 00", null, "iban", "country")]
    [InlineData("DE89 3704 0044 0532 0130", null, "iban", "length")]
    [InlineData("DE89 3704 0044 0532 0130 01", null, "iban", "checksum")]
    [InlineData("DE89 3704 0044 0532 0130 00", "COBA-DE", "bic", null)]
    public async Task bad_details_are_refused_saying_why_and_append_nothing(
        string iban, string? bic, string field, string? check)
    {
        var n = await api.Found();
        var dee = await api.Admit(n, "Dee", "user", "contributor");
        var before = await app.EventCount(n.NetworkId);
        var refused = await Put(n, dee, new { iban, bic }, dee.Token);
        var problem = refused.ShouldBeProblem(400, field: field, code: "invalid-" + field);
        if (check is not null)
            problem.Extension<string>("check").Should().Be(check);
        (await Put(n, dee, new { iban = "DE89370400440532013000", accountReference = "x" }, dee.Token))
            .ShouldBeProblem(400, field: "accountReference");
        (await Put(n, dee, new { }, dee.Token)).ShouldBeProblem(400, field: "iban");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task payouts_csv_carries_the_details_and_marks_lines_without_them()
    {
        var (n, bob, cem) = await api.ThreeEqualMembers();
        var bobs = new { iban = "GB82 WEST 1234 5698 7654 32", bic = "NWBKGB2L" };
        (await Put(n, new Member(bob.MemberId, bob.Token), bobs, bob.Token)).Status.Should().Be(200);
        (await Put(n, new Member(cem.MemberId, cem.Token), new { accountReference = "=HYPERLINK(1)" }, cem.Token))
            .Status.Should().Be(200);
        await api.RecordIncome(n, "300.00");
        var distribution = await api.Proposed(n, "300.00");
        await api.Paid(n, distribution.DistributionId);

        var (status, _, response) = await api.Get(n.Url($"/distributions/{distribution.DistributionId}/payouts.csv"),
            n.Token);
        status.Should().Be(200);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().EndWith(",iban,bic,accountReference,payoutDetails");
        // Equal shares of 300.00: 100.00 each. Ada set nothing; Cem's reference is defused like a name.
        lines.Single(l => l.StartsWith(bob.MemberId.ToString())).Should().Contain(",100.00,EUR,")
            .And.EndWith(",GB82WEST12345698765432,NWBKGB2L,,set");
        lines.Single(l => l.StartsWith(cem.MemberId.ToString())).Should().EndWith(",,,'=HYPERLINK(1),set");
        lines.Single(l => l.StartsWith(n.MemberId.ToString())).Should().EndWith(",,,,missing");
    }
}
