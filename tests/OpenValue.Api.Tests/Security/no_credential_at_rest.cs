using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Networks.Members;
using OpenValue.Api.Security;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// Every live credential — tokens, invitation links, session and CSRF cookies — searched for in every row of
/// every table of the database after founding, admitting, reissuing and accepting, with and without
/// Idempotency-Key, first calls and replays: none is stored in plaintext.
/// </summary>
[Collection(AppCollection.Name)]
public class no_credential_at_rest(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task no_table_holds_a_live_credential_or_a_founding_key()
    {
        var foundingKey = Guid.NewGuid().ToString();
        var founding = new { name = "Scan Makers", currency = "EUR", founder = new { name = "Ada Scanwright" } };
        var keyed = (await api.Post<NetworkFoundedResponse>("/networks", founding, headers: Key(foundingKey)))
            .Expect(201);
        await api.Post("/networks", founding, headers: Key(foundingKey));
        var plain = await api.Found("Scan Makers Two");
        var n = new FoundedNetwork(keyed.NetworkId, keyed.MemberId, keyed.Token);

        var admit = new { name = "Bob", roles = new[] { "contributor" }, stakeholderClass = "labour" };
        var bobFirst = (await api.Post<MemberAdmittedResponse>(n.Url("/members"), admit, n.Token, Key("admit-bob")))
            .Expect(201);
        await api.Post(n.Url("/members"), admit, n.Token, Key("admit-bob"));
        var cem = await api.Admit(n, "Cem", "labour", "contributor");
        var bobId = bobFirst.MemberId;
        var reissuedBySteward = await api.Post<TokenReissuedResponse>(n.Url($"/members/{bobId}/token"), null,
            n.Token);
        var reissuedBySelf = await api.Post<TokenReissuedResponse>(n.Url($"/members/{cem.MemberId}/token"), null,
            cem.Token);

        // An invitation link's secret and a browser's session and CSRF cookies are credentials too.
        var foundersLink = Secret(keyed.InvitationUrl);
        var bobsLink = Secret(bobFirst.InvitationUrl);
        var login = $"bob-{Guid.NewGuid():N}@example.org";
        var accepted = await api.Post("/accounts/invitations/acceptance",
            new { token = bobsLink, login, password = "a long and good password", createAccount = true });
        accepted.Status.Should().Be(200, accepted.Body?.ToJsonString());
        var cookies = accepted.Response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0].Split('=', 2)[1])
            .ToList();
        cookies.Should().HaveCount(2);

        // Personal API tokens, one made with an Idempotency-Key and replayed.
        var cemsToken = reissuedBySelf.Expect(200).Token;
        var personal = await api.Post<PersonalTokenCreatedResponse>(n.Url($"/members/{cem.MemberId}/tokens"),
            new { name = "ci" }, cemsToken, Key("cem-ci"));
        await api.Post(n.Url($"/members/{cem.MemberId}/tokens"), new { name = "ci" }, cemsToken, Key("cem-ci"));
        var personalPlain = await api.Post<PersonalTokenCreatedResponse>(n.Url($"/members/{cem.MemberId}/tokens"),
            new { name = "cli" }, cemsToken);

        string[] tokens = [n.Token, plain.Token, reissuedBySteward.Expect(200).Token,
            cemsToken, personal.Expect(201).Token, personalPlain.Expect(201).Token];
        foreach (var token in tokens)
            (await api.Get(n.Url("/members"), token)).Status.Should().BeOneOf(200, 404);
        string[] live = [.. tokens, foundersLink, bobsLink, .. cookies];

        var tables = await Tables();
        tables.Should().Contain("openvalue.mt_doc_idempotencyrecord").And.Contain("openvalue.mt_doc_accesstoken");
        // Names are sealed (Privacy.SealedText), so the check that the scan sees what is stored uses a network's.
        (await RowsHolding(tables, "Scan Makers Two")).Should().NotBeEmpty("the scan must see what is stored");
        (await RowsHolding(tables, "Ada Scanwright")).Should().BeEmpty("a member's name is stored sealed");
        foreach (var secret in live.Append(foundingKey))
            (await RowsHolding(tables, secret)).Should().BeEmpty($"no table may hold {secret[..6]}…");
    }

    private static string Secret(string invitationUrl) => invitationUrl.Split('#')[1];

    private async Task<IReadOnlyList<string>> Tables()
    {
        var list = await app.Scalar<string>("""
            select string_agg(quote_ident(table_schema) || '.' || quote_ident(table_name), ',')
              from information_schema.tables
             where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
            """);
        return list!.Split(',');
    }

    private async Task<IReadOnlyList<string>> RowsHolding(IEnumerable<string> tables, string text)
    {
        var found = new List<string>();
        foreach (var table in tables)
            if (await app.Scalar<long>($"select count(*) from {table} t where strpos(t::text, $1) > 0", text) > 0)
                found.Add(table);
        return found;
    }
}
