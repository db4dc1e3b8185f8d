using OpenValue.Api.Networks.Members;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Api.Tests.Shares;
using OpenValue.Domain.Money;
using OpenValue.Domain.Treasury;

namespace OpenValue.Api.Tests.Treasury;

[Collection(AppCollection.Name)]
public class distributing_income(AppFixture app)
{
    private readonly ApiClient api = new(app);

    /// <summary>Member ids in the documented tie-break order (canonical string, ordinal).</summary>
    private static List<Guid> InTieBreakOrder(params Guid[] ids) => [.. ids.Order(MemberIdOrder.Instance)];

    [Fact]
    public async Task one_cent_among_three_equal_members_goes_to_the_first_in_tie_break_order()
    {
        var (network, bob, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "1.00");
        var distribution = await api.Proposed(network, "0.01");

        var order = InTieBreakOrder(network.MemberId, bob.MemberId, cem.MemberId);
        var lines = distribution.Lines;
        lines.Select(l => l.MemberId).Should().Equal(order);
        lines.Select(l => l.Amount.Amount).Should().Equal("0.01", "0.00", "0.00");
        lines.Select(l => l.Line).Should().Equal(1, 2, 3);
        lines[0].Explanation.Should().Be("pro-rata: 33.33% share (800 points) of 0.01 EUR");
        distribution.Status.Should().Be(DistributionStatus.Approved, "one treasurer: no second approval by default");
        distribution.EquationVersion.Should().Be(1);
        distribution.AsOf.Should().Be(AppFixture.Start);
        distribution.TotalPoints.Should().Be("2400");
        distribution.Shares.Select(s => s.Share)
            .Should().Equal("0.3333333333333333333333333334", "0.3333333333333333333333333333", "0.3333333333333333333333333333");
    }

    [Fact]
    public async Task a_hundred_euros_among_three_equal_members()
    {
        var (network, _, _) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "100.00");
        (await api.Proposed(network, "100.00")).Lines().Select(l => l.Amount).Should().Equal("33.34", "33.33", "33.33");
        var ledger = await api.Ledger(network);
        (ledger.Reserved.Amount, ledger.Undistributed.Amount).Should().Be(("100.00", "0.00"));
    }

    [Fact]
    public async Task a_member_with_no_accepted_points_gets_no_line()
    {
        var (network, bob, _) = await api.ThreeEqualMembers();
        var dan = await api.Admit(network, "Dan", "labour", "contributor");
        await api.Submit(network, dan.Token); // submitted, never reviewed: no points
        await api.RecordIncome(network, "30.00");
        (await api.Proposed(network, "30.00")).Lines().Should().Equal(
            InTieBreakOrder(network.MemberId, bob.MemberId, (await MemberNamed(network, "Cem")))
                .Select(id => (NameOf(id, network.MemberId, bob.MemberId), "10.00")));
    }

    [Fact]
    public async Task balanced_gives_an_earlier_overpaid_member_nothing_and_splits_the_rest()
    {
        var network = await api.Found();
        await api.Adopt(network, Valuations.SlicingPieAt40());
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");
        var cem = await api.Admit(network, "Cem", "labour", "contributor", "reviewer");
        await api.Earn(network, network.Token, bob.Token);
        await api.RecordIncome(network, "900.00");
        var first = await api.Proposed(network, "600.00");
        first.Lines().Should().Equal(("Ada", "600.00"));
        await api.Paid(network, first.DistributionId);

        await api.Earn(network, bob.Token, network.Token);
        await api.Earn(network, cem.Token, network.Token);
        // Equal thirds now. Targets (600 + 300) / 3 = 300 each; Ada was paid 600: shortfalls 0, 300, 300.
        var balanced = await api.Proposed(network, "300.00", "balanced");
        balanced.Lines().Should().BeEquivalentTo([("Ada", "0.00"), ("Bob", "150.00"), ("Cem", "150.00")]);
        await api.Paid(network, balanced.DistributionId);
        var ledger = await api.Ledger(network);
        ledger.Members.Select(m => (m.Name, m.Paid.Amount))
            .Should().BeEquivalentTo([("Ada", "600.00"), ("Bob", "150.00"), ("Cem", "150.00")]);
        (ledger.Distributed.Amount, ledger.Undistributed.Amount).Should().Be(("900.00", "0.00"));
    }

    [Fact]
    public async Task a_project_pool_pays_the_project_contributors_and_is_apart_from_the_network_pool()
    {
        var network = await api.Found();
        await api.Adopt(network, Valuations.SlicingPieAt40());
        var frame = await api.OpenProject(network, "Frame");
        var bob = await api.Admit(network, "Bob", "labour", "contributor", "reviewer");
        await api.Earn(network, network.Token, bob.Token, "10");
        await api.Earn(network, bob.Token, network.Token, "10", frame);
        await api.RecordIncome(network, "100.00", frame);
        await api.RecordIncome(network, "50.00");

        (await api.Proposed(network, "100.00", projectId: frame)).Lines().Should().Equal(("Bob", "100.00"));
        (await api.Propose(network, "50.01")).ShouldBeProblem(409, code: "insufficient-funds");
        (await api.Proposed(network, "50.00")).Lines().Should().BeEquivalentTo([("Ada", "25.00"), ("Bob", "25.00")]);

        var pools = (await api.Ledger(network)).Pools;
        pools.Select(p => (p.Name, p.Totals.Reserved.Amount, p.Totals.Undistributed.Amount))
            .Should().Equal(("network", "50.00", "0.00"), ("Frame", "100.00", "0.00"));
    }

    [Fact]
    public async Task recent_counts_only_points_accepted_in_the_window() => await app.WithClock(async () =>
    {
        var (network, _, cem) = await api.ThreeEqualMembers();
        await api.RecordIncome(network, "10.00");
        app.Advance(NodaTime.Duration.FromDays(100));
        (await api.Propose(network, "10.00", "recent", windowDays: 90)).ShouldBeProblem(409, code: "no-eligible-member");
        await api.Earn(network, cem.Token, network.Token, "1");
        var recent = await api.Proposed(network, "10.00", "recent", windowDays: 90);
        recent.Lines().Should().Equal(("Cem", "10.00"));
        recent.WindowDays.Should().Be(90);
    });

    [Fact]
    public async Task recomputing_a_distribution_later_gives_the_same_lines_to_the_minor_unit() => await app.WithClock(async () =>
    {
        var (network, bob, _) = await api.ThreeEqualMembers("7.3");
        await api.Earn(network, bob.Token, network.Token, "1.9");
        await api.RecordIncome(network, "1000.00");
        var distribution = await api.Proposed(network, "999.97", "balanced");

        app.Advance(NodaTime.Duration.FromDays(30));
        await api.Earn(network, network.Token, bob.Token, "40"); // the shares move on; the distribution must not
        var proposed = (DistributionProposed)(await app.Events(network.NetworkId, distribution.DistributionId))[0].Data;
        Proposing.Recompute(proposed).Should().Equal(proposed.Lines);

        var source = app.Host.Services.GetService(typeof(Api.Shares.IShareSource)) as Api.Shares.IShareSource;
        var again = await source!.AsOf(network.NetworkId, null, proposed.AsOf, CancellationToken.None);
        again.Members.Select(m => new ShareUsed(m.MemberId, m.Points, m.Share)).Should().Equal(proposed.Shares);
        proposed.Lines.Sum(l => l.AmountMinor).Should().Be(99997);
    });

    [Fact]
    public async Task nobody_with_points_is_refused_and_nothing_is_reserved()
    {
        var network = await api.Found();
        await api.RecordIncome(network, "10.00");
        (await api.Propose(network, "1.00")).ShouldBeProblem(409, code: "no-eligible-member");
        (await api.Ledger(network)).Reserved.Amount.Should().Be("0.00");
    }

    private async Task<Guid> MemberNamed(FoundedNetwork network, string name)
    {
        var members = await api.Get<MembersResponse>(network.Url("/members"), network.Token);
        return members.Expect(200).Members.Single(m => m.Name == name).MemberId;
    }

    private static string NameOf(Guid id, Guid ada, Guid bob) => id == ada ? "Ada" : id == bob ? "Bob" : "Cem";
}
