using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Treasury;
using OpenValue.Domain.Money;

namespace OpenValue.Api.Tests.Budgeting;

/// <summary>Set-up steps for co-budgeting tests.</summary>
public static class Rounds
{
    /// <summary>
    /// A window end 30 days after the real time: the test clock stands before it, and Wolverine's scheduled closing
    /// (which waits for the real time) never fires while the tests run.
    /// </summary>
    public static string WindowEnd(int days = 30) =>
        InstantPattern.ExtendedIso.Format(SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(days));

    public static object Round(string amount, string budget = "equal", string? cap = null, bool approval = false,
        Guid? projectId = null, string? closesAt = null) =>
        new
        {
            title = "Q2 surplus", amount = Treasury.Treasury.Eur(amount), projectId, budget, opensAt = (string?)null,
            closesAt = closesAt ?? WindowEnd(), capPerBucket = cap is null ? null : Treasury.Treasury.Eur(cap),
            bucketsNeedApproval = approval,
        };

    public static async Task<JsonNode> Opened(this ApiClient api, FoundedNetwork network, object round)
    {
        var (status, body, _) = await api.Post(network.Url("/rounds"), round, network.Token);
        status.Should().Be(201, body?.ToJsonString());
        return body!;
    }

    public static Guid RoundId(this JsonNode round) => Guid.Parse(round["roundId"]!.GetValue<string>());

    public static Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> ProposeBucket(
        this ApiClient api, FoundedNetwork network, Guid round, string token, string min, string max,
            string title = "Jig") =>
        api.Post(network.Url($"/rounds/{round}/buckets"),
            new { title, description = "For the frame", minGoal = Treasury.Treasury.Eur(min),
                maxGoal = Treasury.Treasury.Eur(max) },
            token);

    public static async Task<Guid> Bucket(
        this ApiClient api, FoundedNetwork network, Guid round, string token, string min, string max,
            string title = "Jig")
    {
        var (status, body, _) = await api.ProposeBucket(network, round, token, min, max, title);
        status.Should().Be(201, body?.ToJsonString());
        return Guid.Parse(body!["bucketId"]!.GetValue<string>());
    }

    public static Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Fund(
        this ApiClient api, FoundedNetwork network, Guid round, Guid bucket, string token, string amount,
        IDictionary<string, string>? headers = null) =>
        api.Post(network.Url($"/rounds/{round}/buckets/{bucket}/funding"),
            new { amount = Treasury.Treasury.Eur(amount) }, token,
            headers);

    public static async Task Funded(this ApiClient api, FoundedNetwork network, Guid round, Guid bucket, string token,
        string amount)
    {
        var (status, body, _) = await api.Fund(network, round, bucket, token, amount);
        status.Should().Be(200, body?.ToJsonString());
    }

    public static async Task<JsonNode> RoundOf(this ApiClient api, FoundedNetwork network, Guid round,
        string? token = null)
    {
        var (status, body, _) = await api.Get(network.Url($"/rounds/{round}"), token ?? network.Token);
        status.Should().Be(200, body?.ToJsonString());
        return body!;
    }

    /// <summary>A member's line of a round: budget, allocated, remaining.</summary>
    public static (string Budget, string Allocated, string Remaining) BudgetOf(this JsonNode round, Guid member)
    {
        var line = round["members"]!.AsArray().Single(m => m!["memberId"]!.GetValue<string>() == member.ToString())!;
        return (line.Amount("budget"), line.Amount("allocated"), line.Amount("remaining"));
    }

    public static JsonNode BucketIn(this JsonNode round, Guid bucket) =>
        round["buckets"]!.AsArray().Single(b => b!["bucketId"]!.GetValue<string>() == bucket.ToString())!;

    /// <summary>The members in the tie-break order (the first gets a cent left over by an equal split).</summary>
    public static Guid[] InIdOrder(params Guid[] members) => [.. members.Order(MemberIdOrder.Instance)];
}
