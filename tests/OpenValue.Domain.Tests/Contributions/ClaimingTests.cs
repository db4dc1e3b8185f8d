using NodaTime;
using OpenValue.Domain.Contributions;
using static OpenValue.Domain.Tests.Contributions.Given;

namespace OpenValue.Domain.Tests.Contributions;

public class ClaimingTests
{
    [Fact]
    public void A_valid_claim_is_submitted_with_its_author_and_the_time()
    {
        Submit(Work() with { ProjectId = ProjectId.ToString(), Description = "  Router jig " }).Should().BeEquivalentTo(new object[]
        {
            new ContributionSubmitted(Id, Bob, "work", 12.5m, "hour", new LocalDate(2026, 11, 20), "Router jig", "https://example.org/jig", ProjectId, Now),
        }, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Evolving_a_submission_starts_round_one_in_status_submitted()
    {
        var c = Spec().Given(Submitted()).State;
        (c.Status, c.Round, c.MemberId, c.Current).Should().Be((ContributionStatus.Submitted, 1, Bob, WorkClaim()));
    }

    [Theory]
    [InlineData("cash", "1000.50", "EUR", "EUR")]
    [InlineData("expense", "7", "EUR", "EUR")]
    [InlineData("sales", "1000", "JPY", "JPY")]
    [InlineData("material", "0.125", "BHD", "BHD")]
    [InlineData("equipment", "3.25", "hour", "EUR")]
    [InlineData("design", "40", "point", "EUR")]
    [InlineData("care", "0.5", "hour", "EUR")]
    public void Every_default_kind_is_accepted_in_its_unit(string kind, string quantity, string unit, string currency)
    {
        Submit(Work() with { Kind = kind, Quantity = quantity, Unit = unit }, currency: currency)
            .Should().ContainSingle().Which.Should().BeOfType<ContributionSubmitted>().Which.Unit.Should().Be(unit);
    }

    [Theory]
    [InlineData("gardening", "1", "hour", "kind")]
    [InlineData(null, "1", "hour", "kind")]
    [InlineData("work", "1", "day", "unit")]
    [InlineData("work", "1", null, "unit")]
    [InlineData("cash", "10", "USD", "unit")]
    [InlineData("cash", "10.001", "EUR", "quantity")]
    [InlineData("work", "1.001", "hour", "quantity")]
    [InlineData("work", "0", "hour", "quantity")]
    [InlineData("work", "-1", "hour", "quantity")]
    [InlineData("work", "1e2", "hour", "quantity")]
    [InlineData("work", "1,5", "hour", "quantity")]
    [InlineData("work", null, "hour", "quantity")]
    [InlineData("work", "1000000000.01", "hour", "quantity")]
    public void Kind_unit_and_quantity_are_checked_naming_the_field(string? kind, string? quantity, string? unit, string field)
    {
        var act = () => Submit(Work() with { Kind = kind, Quantity = quantity, Unit = unit });
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Money_follows_the_currency_minor_unit()
    {
        var act = () => Submit(Work() with { Kind = "cash", Quantity = "10.5", Unit = "JPY" }, currency: "JPY");
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be("quantity");
    }

    [Theory]
    [InlineData("2026-11-26", null)]
    [InlineData("2026-11-27", "occurredOn")]
    [InlineData("2026-02-30", "occurredOn")]
    [InlineData("", "occurredOn")]
    [InlineData(null, "description")]
    public void The_date_may_be_today_but_not_later(string? occurredOn, string? field)
    {
        var input = Work() with { OccurredOn = occurredOn ?? "2026-11-20", Description = occurredOn is null ? " " : "Jig" };
        var act = () => Submit(input);
        if (field is null)
            act.Should().NotThrow();
        else
            act.Should().Throw<RuleViolation>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("example.org/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void Evidence_must_be_an_absolute_http_address(string url)
    {
        var act = () => Submit(Work() with { EvidenceUrl = url });
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("invalid-evidenceUrl");
    }

    [Fact]
    public void Descriptions_are_limited_and_projects_must_exist()
    {
        var longText = () => Submit(Work() with { Description = new string('x', Claim.MaxDescriptionLength + 1) });
        longText.Should().Throw<RuleViolation>().Which.Field.Should().Be("description");
        var unknown = () => Submit(Work() with { ProjectId = Guid.NewGuid().ToString() });
        unknown.Should().Throw<RuleViolation>().Which.Field.Should().Be("projectId");
        var garbage = () => Submit(Work() with { ProjectId = "frame" });
        garbage.Should().Throw<RuleViolation>().Which.Field.Should().Be("projectId");
    }

    [Fact]
    public void A_retry_of_the_same_submission_appends_nothing_even_after_an_amendment()
    {
        var c = Spec().Given(Submitted(), Amended()).State;
        Submit(Work("12.50"), c).Should().BeEmpty();
    }

    [Fact]
    public void The_same_id_with_another_claim_or_author_is_a_conflict()
    {
        var spec = Spec().Given(Submitted());
        spec.ThenRefused(c => Submit(Work("13"), c), RefusalKind.Conflict, "contribution-exists");
        spec.ThenRefused(c => Submit(Work(), c, member: Ada), RefusalKind.Conflict, "contribution-exists");
    }
}
