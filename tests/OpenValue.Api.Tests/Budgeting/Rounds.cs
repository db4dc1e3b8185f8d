using NodaTime;
using NodaTime.Text;
using OpenValue.Api.Budgeting;
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

    public static async Task<RoundResponse> Opened(this ApiClient api, FoundedNetwork network, object round) =>
        (await api.Post<RoundResponse>(network.Url("/rounds"), round, network.Token)).Expect(201);

    public static Task<Reply<BucketResponse>> ProposeBucket(
        this ApiClient api, FoundedNetwork network, Guid round, string token, string min, string max,
            string title = "Jig") =>
        api.Post<BucketResponse>(network.Url($"/rounds/{round}/buckets"),
            new { title, description = "For the frame", minGoal = Treasury.Treasury.Eur(min),
                maxGoal = Treasury.Treasury.Eur(max) },
            token);

    public static async Task<Guid> Bucket(
        this ApiClient api, FoundedNetwork network, Guid round, string token, string min, string max,
            string title = "Jig")
    {
        var proposed = await api.ProposeBucket(network, round, token, min, max, title);
        return proposed.Expect(201).BucketId;
    }

    public static Task<Reply<FundingResponse>> Fund(
        this ApiClient api, FoundedNetwork network, Guid round, Guid bucket, string token, string amount,
        IDictionary<string, string>? headers = null) =>
        api.Post<FundingResponse>(network.Url($"/rounds/{round}/buckets/{bucket}/funding"),
            new { amount = Treasury.Treasury.Eur(amount) }, token,
            headers);

    public static async Task Funded(this ApiClient api, FoundedNetwork network, Guid round, Guid bucket, string token,
        string amount)
    {
        var funding = await api.Fund(network, round, bucket, token, amount);
        funding.Expect(200).Bucket.BucketId.Should().Be(bucket);
    }

    public static async Task<RoundResponse> RoundOf(this ApiClient api, FoundedNetwork network, Guid round,
        string? token = null) =>
        (await api.Get<RoundResponse>(network.Url($"/rounds/{round}"), token ?? network.Token)).Expect(200);

    /// <summary>A member's line of a round: budget, allocated, remaining.</summary>
    public static (string Budget, string Allocated, string Remaining) BudgetOf(this RoundResponse round, Guid member)
    {
        var line = round.Members.Single(m => m.MemberId == member);
        return (line.Budget.Amount, line.Allocated.Amount, line.Remaining.Amount);
    }

    public static BucketResponse BucketIn(this RoundResponse round, Guid bucket) =>
        round.Buckets.Single(b => b.BucketId == bucket);

    /// <summary>The members in the tie-break order (the first gets a cent left over by an equal split).</summary>
    public static Guid[] InIdOrder(params Guid[] members) => [.. members.Order(MemberIdOrder.Instance)];
}
