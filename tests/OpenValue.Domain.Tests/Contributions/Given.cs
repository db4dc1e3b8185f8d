using NodaTime;
using OpenValue.Domain.Contributions;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Contributions;

/// <summary>A small network (Ada founds it, Bob contributes, Cy and Dee review) and one claim of Bob's.</summary>
public static class Given
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 10, 0);
    public static readonly LocalDate Today = new(2026, 11, 26);
    public static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    public static readonly Guid ProjectId = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");
    public static readonly Guid Id = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    public static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    public static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");
    public static readonly Guid Cy = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");
    public static readonly Guid Dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");

    public static Network Makers(string currency = "EUR") => new object[]
    {
        new NetworkFounded(NetworkId, "Makers", currency, Ada, Now),
        new MemberAdmitted(NetworkId, Ada, "Ada", Enum.GetValues<Role>(), StakeholderClass.Founder, Ada, Now),
        new ProjectOpened(NetworkId, ProjectId, "Frame", Ada, Now),
    }.Aggregate((Network?)null, Network.Evolve)!;

    public static KindCatalogue Catalogue(Network network) => KindCatalogue.Of(network);

    public static ClaimInput Work(string quantity = "12.5") =>
        new("work", quantity, "hour", "2026-11-20", "Router jig", "https://example.org/jig", null);

    public static Claim WorkClaim(decimal quantity = 12.5m) =>
        new("work", quantity, "hour", new LocalDate(2026, 11, 20), "Router jig", "https://example.org/jig", null);

    public static ContributionSubmitted Submitted(decimal quantity = 12.5m) => Contribution.Submission(Id, Bob, WorkClaim(quantity), Now);

    public static ContributionReviewed Reviewed(Guid reviewer, Verdict verdict, int round = 1, string? reason = null) =>
        new(Id, reviewer, verdict, reason ?? (verdict == Verdict.Approve ? null : "Because"), round, Now);

    public static ContributionAmended Amended(decimal quantity = 10m) =>
        new(Id, "work", quantity, "hour", new LocalDate(2026, 11, 20), "Router jig", "https://example.org/jig", null, Bob, Now);

    public static Spec<Contribution> Spec() => new(Contribution.Evolve);

    public static object[] Submit(ClaimInput claim, Contribution? existing = null, Guid? member = null, string currency = "EUR")
    {
        var network = Makers(currency);
        return Claiming.Decide(new SubmitContribution(Id, member ?? Bob, claim), existing, network, Catalogue(network), Today, Now);
    }

    public static object[] Amend(Contribution c, ClaimInput claim, Guid? by = null) =>
        Claiming.Decide(new AmendContribution(Id, by ?? Bob, claim), c, Makers(), Catalogue(Makers()), Today, Now);

    public static object[] Withdraw(Contribution c, Guid? by = null) => Claiming.Decide(new WithdrawContribution(Id, by ?? Bob), c, Now);

    public static object[] Review(Contribution c, Guid reviewer, string verdict = "approve", string? reason = null, int quorum = 1,
        OpenValue.Domain.Valuation.ValueEquation? equation = null) =>
        Reviewing.Decide(new ReviewContribution(Id, reviewer, verdict, reason), c, quorum, equation, OpenValue.Domain.Money.Currency.Parse("EUR", "currency"), Now);
}
