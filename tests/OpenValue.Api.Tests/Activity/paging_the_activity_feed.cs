using OpenValue.Api.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Activity;

/// <summary>The feed pages by event sequence: ?before= is exclusive, ?limit= is bounded, bad values are 400.</summary>
[Collection(AppCollection.Name)]
public class paging_the_activity_feed(AppFixture app)
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task pages_walk_the_whole_feed_once_and_stay_put_when_new_facts_arrive()
    {
        var n = await api.Found();
        for (var i = 0; i < 6; i++)
            await api.Submit(n, n.Token);
        var whole = await api.Activity(n, n.Token);
        whole.Items.Should().HaveCount(8);

        var walked = new List<long>();
        var pages = new List<ActivityPage>();
        long? cursor = null;
        do
        {
            var page = await api.Activity(n, n.Token, $"?limit=3{(cursor is { } c ? $"&before={c}" : "")}");
            page.Limit.Should().Be(3);
            page.Items.Should().HaveCountLessThanOrEqualTo(3);
            walked.AddRange(page.Items.Select(i => i.Sequence));
            pages.Add(page);
            cursor = page.NextBefore;
        } while (cursor is not null);

        walked.Should().Equal(whole.Items.Select(i => i.Sequence));
        pages.Should().HaveCount(3);

        var second = whole.Items[2].Sequence + 1;
        var before = await api.Activity(n, n.Token, $"?limit=3&before={second}");
        await api.Submit(n, n.Token);
        (await api.Activity(n, n.Token, $"?limit=3&before={second}")).Should()
            .BeEquivalentTo(before, o => o.WithStrictOrdering());
        (await api.Activity(n, n.Token, "?limit=1")).Types().Should().Equal("contribution-submitted");
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?before=0", "before")]
    [InlineData("?before=-5", "before")]
    [InlineData("?before=1.5", "before")]
    [InlineData("?before=99999999999999999999", "before")]
    public async Task bad_paging_is_a_400_problem_naming_the_parameter(string query, string field)
    {
        var n = await api.Found();
        (await api.Get(n.Url("/activity" + query), n.Token)).ShouldBeProblem(400, field: field, code: "invalid-" + field);
    }

    [Fact]
    public async Task the_default_limit_is_50_and_200_is_allowed()
    {
        var n = await api.Found();
        (await api.Activity(n, n.Token)).Limit.Should().Be(50);
        (await api.Activity(n, n.Token, "?limit=200")).Limit.Should().Be(200);
    }
}
