using Marten;
using Microsoft.Extensions.DependencyInjection;
using OpenValue.Api.Infrastructure;
using OpenValue.Api.Networks.Founding;
using OpenValue.Api.Security;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Security;

/// <summary>
/// A founding retried with its Idempotency-Key gets the founder's token back; nobody without that key can.
/// The key is the founder's only secret, so it must be long, and the record keeps the token sealed under it.
/// </summary>
[Collection(AppCollection.Name)]
public class replaying_a_founding(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private static object Body(string name = "Replay Makers") => new { name, currency = "EUR",
        founder = new { name = "Ada" } };

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    private static string NewKey() => Guid.NewGuid().ToString();

    [Theory]
    [InlineData("same-key")]
    [InlineData("0123456789abcdef0123456789abcde")] // 31 characters
    public async Task a_short_key_is_refused_and_founds_nothing(string key)
    {
        var before = await RawCount("select count(*) from openvalue.mt_streams");
        (await api.Post("/networks", Body(), headers: Key(key))).ShouldBeProblem(400, field: "Idempotency-Key");
        (await RawCount("select count(*) from openvalue.mt_streams")).Should().Be(before);
    }

    [Fact]
    public async Task a_retry_with_the_founders_key_gets_the_first_response_and_the_record_holds_neither_token_nor_key()
    {
        var key = NewKey();
        var first = await api.Post<NetworkFoundedResponse>("/networks", Body(), headers: Key(key));
        var retry = await api.Post<NetworkFoundedResponse>("/networks", Body(), headers: Key(key));

        var founded = first.Expect(201);
        retry.Status.Should().Be(201);
        retry.Response.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        retry.Text.Should().Be(first.Text);
        var token = founded.Token;
        (await api.Get($"/networks/{founded.NetworkId}", token)).Status.Should().Be(200);

        var stored = await RawText($"select data::text from openvalue.mt_doc_idempotencyrecord where id = 'founding:{ResponseSeal.Hash(key)}'");
        stored.Should().NotBeNull().And.Contain("sealedResponse");
        stored.Should().NotContain(token).And.NotContain(key);
    }

    [Fact]
    public async Task another_client_with_another_key_founds_its_own_network_and_learns_nothing_of_the_first()
    {
        var first = await api.Post<NetworkFoundedResponse>("/networks", Body(), headers: Key(NewKey()));
        var second = await api.Post<NetworkFoundedResponse>("/networks", Body(), headers: Key(NewKey()));

        first.Status.Should().Be(201);
        second.Status.Should().Be(201);
        second.Response.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        second.Body!.NetworkId.Should().NotBe(first.Body!.NetworkId);
        second.Body.Token.Should().NotBe(first.Body.Token);
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_422_and_founds_nothing()
    {
        var key = NewKey();
        (await api.Post("/networks", Body("First"), headers: Key(key))).Status.Should().Be(201);
        var before = await RawCount("select count(*) from openvalue.mt_streams");
        (await api.Post("/networks", Body("Second"), headers: Key(key))).ShouldBeProblem(422,
            code: "idempotency-key-reused");
        (await RawCount("select count(*) from openvalue.mt_streams")).Should().Be(before);
    }

    [Fact]
    public async Task an_expired_record_is_not_replayed_and_the_purge_deletes_expired_records_only()
    {
        var key = NewKey();
        var id = $"{Idempotency.FoundingScope}:{ResponseSeal.Hash(key)}";
        var live = $"{Idempotency.FoundingScope}:{ResponseSeal.Hash(NewKey())}";
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(new IdempotencyRecord(id, "not-this-request", 201, null, null, "c2VhbGVk", AppFixture.Start,
                1));
            session.Store(new IdempotencyRecord(live, "h", 201, null, "{}", null, AppFixture.Start, long.MaxValue));
            await session.SaveChangesAsync();
        }

        var fresh = await api.Post("/networks", Body(), headers: Key(key));
        fresh.Status.Should().Be(201, fresh.Body?.ToJsonString());
        fresh.Response.Headers.Contains("Idempotent-Replayed").Should().BeFalse();

        await using (var session = app.Store.LightweightSession())
        {
            session.Store(new IdempotencyRecord(id + "-old", "h", 201, null, "{}", null, AppFixture.Start, 1));
            await session.SaveChangesAsync();
        }
        var purged = await app.Host.Services.GetRequiredService<Idempotency>().PurgeExpired(app.Store,
            CancellationToken.None);
        purged.Should().BeGreaterThanOrEqualTo(1);
        await using var query = app.Store.QuerySession();
        (await query.LoadAsync<IdempotencyRecord>(id + "-old")).Should().BeNull();
        (await query.LoadAsync<IdempotencyRecord>(live)).Should().NotBeNull();
        (await query.LoadAsync<IdempotencyRecord>(id)).Should()
            .NotBeNull("the fresh founding's own record is a day from expiry");
    }

    private Task<long> RawCount(string sql) => app.Scalar<long>(sql);

    private Task<string?> RawText(string sql) => app.Scalar<string>(sql);
}
