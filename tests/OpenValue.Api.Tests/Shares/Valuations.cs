using NodaTime;
using OpenValue.Api.Valuation;
using OpenValue.Domain.Contributions;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;

namespace OpenValue.Api.Tests.Shares;

/// <summary>Set-up steps for valuation tests: adopt an equation, get a claim accepted, move the clock.</summary>
public static class Valuations
{
    public static async Task<int> Adopt(this ApiClient api, FoundedNetwork network, object equation)
    {
        var adopted = await api.Post<ValueEquationAdoptedResponse>(network.Url("/value-equations"), equation,
            network.Token);
        return adopted.Expect(201).Version;
    }

    /// <summary>Slicing Pie with a fair hourly rate of 40.</summary>
    public static object SlicingPieAt40(int? halfLifeDays = null, object? classWeights = null) => new
    {
        preset = "slicing-pie", rules = new { work = new { rate = "40" } }, halfLifeDays, classWeights,
    };

    public static Dictionary<string, object?> Cash(string amount) =>
        Claims.Work().With("kind", "cash").With("quantity", amount).With("unit", "EUR");

    /// <summary>Submits the claim as the author and has the reviewer approve it (quorum 1), so it is accepted now.</summary>
    public static async Task<Guid> Accepted(this ApiClient api, FoundedNetwork network, string authorToken, string reviewerToken, Dictionary<string, object?> claim)
    {
        var id = await api.Submit(network, authorToken, claim);
        var reviewed = await api.Review(network, id, reviewerToken);
        reviewed.Expect(200).Status.Should().Be(ContributionStatus.Accepted);
        return id;
    }

    /// <summary>Runs <paramref name="steps"/> and puts the shared clock back where every other test expects it.</summary>
    public static async Task WithClock(this AppFixture app, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        finally
        {
            app.Clock.Reset(AppFixture.Start);
        }
    }

    public static void Advance(this AppFixture app, Duration by) => app.Clock.Advance(by);
}
