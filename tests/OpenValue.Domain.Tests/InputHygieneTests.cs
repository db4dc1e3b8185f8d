using NodaTime;
using OpenValue.Domain.Money;
using OpenValue.Domain.Networks;
using OpenValue.Domain.Treasury;
using OpenValue.Domain.Valuation;

namespace OpenValue.Domain.Tests;

/// <summary>What people type is checked at the edge: text, digits, words, dates and the size of every number.</summary>
public class InputHygieneTests
{
    private static readonly LocalDate Today = new(2026, 11, 26);

    [Fact]
    public void Text_is_trimmed_and_normalised_to_NFC()
    {
        // "Zoë" typed as Z, o, e + combining diaeresis is stored as the one-code-point ë.
        Text.Required("  Zoe\u0308 ", "name", 200).Should().Be("Zo\u00EB");
        Text.Optional(" \u200B ", "note", 200).Should().BeNull();
        Text.Required("line one\nline two", "description", 200, multiline: true).Should().Be("line one\nline two");
    }

    [Theory]
    [InlineData("\u200B\u200C\u200D\uFEFF", "is required")]               // only zero-width characters
    [InlineData("\u2060\u00A0 \u3164", "is required")]                    // word joiner, no-break space, Hangul filler
    [InlineData("Ada\u0000", "control characters (found U+0000)")]
    [InlineData("Ada\nLovelace", "control characters (found U+000A)")]   // a name is one line
    [InlineData("Ada\u2028Lovelace", "control characters (found U+2028)")]
    [InlineData("Ada \u202Egnp.exe", "bidirectional override")]            // RIGHT-TO-LEFT OVERRIDE
    [InlineData("Ada \u2066x\u2069", "bidirectional override")]           // LEFT-TO-RIGHT ISOLATE ... POP
    public void Names_that_show_as_nothing_or_hide_what_they_hold_are_refused(string name, string message)
    {
        var act = () => Text.Required(name, "name", 200);
        act.Should().Throw<RuleViolation>().Where(v => v.Field == "name" && v.Message.Contains(message));
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        var act = () => Text.Required("Ada " + '\uD800', "name", 200);
        act.Should().Throw<RuleViolation>().Which.Message.Should().Contain("not valid Unicode");
    }

    [Fact]
    public void Long_text_is_refused_and_emoji_are_kept()
    {
        var act = () => Text.Required(new string('x', 10_000), "name", 200);
        act.Should().Throw<RuleViolation>().Which.Message.Should().Contain("at most 200 characters (got 10000)");
        Text.Required("Ada 🛠️", "name", 200).Should().Be("Ada 🛠️");
    }

    [Theory]
    [InlineData("١٠٠")]        // Arabic-Indic digits
    [InlineData("१२.५")]       // Devanagari
    [InlineData("１００")]      // full-width
    public void Digits_of_other_scripts_are_refused_as_a_plain_decimal(string text)
    {
        var act = () => DecimalText.Parse(text, "amount.amount");
        act.Should().Throw<RuleViolation>().Where(v =>
            v.Field == "amount.amount" && v.Message.Contains("plain decimal"));
    }

    [Theory]
    [InlineData("Steward")]
    [InlineData("STEWARD")]
    [InlineData(" steward")]
    public void Enum_words_are_the_documented_lower_case_words_only(string word)
    {
        Wire.Parse<Role>("steward", "roles[0]").Should().Be(Role.Steward);
        var act = () => Wire.Parse<Role>(word, "roles[0]");
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be("roles[0]");
    }

    [Theory]
    [InlineData("0000-01-01", "must not be before 1900-01-01")]
    [InlineData("1899-12-31", "must not be before 1900-01-01")]
    [InlineData("2026-11-27", "must not be after today")]
    [InlineData("26-11-2026", "ISO date")]
    public void Dates_are_refused_outside_1900_to_today(string date, string message)
    {
        Dates.Parse("1900-01-01", "occurredOn", Today).Should().Be(new LocalDate(1900, 1, 1));
        var act = () => Dates.Parse(date, "occurredOn", Today);
        act.Should().Throw<RuleViolation>().Where(v => v.Field == "occurredOn" && v.Message.Contains(message));
    }

    [Fact]
    public void A_money_amount_is_bounded_at_a_trillion_major_units()
    {
        var eur = Currency.Parse("EUR", "currency");
        Domain.Money.Money.Parse("1000000000000.00", eur, "amount").AmountMinor.Should().Be(100_000_000_000_000);
        var act = () => Domain.Money.Money.Parse("1000000000000.01", eur, "amount");
        act.Should().Throw<RuleViolation>().Which.Message.Should().Contain("at most 1,000,000,000,000");
    }

    [Theory]
    [InlineData("1000000.0001", "rules.work.rate", "at most 1000000")]
    [InlineData("0.00001", "rules.work.rate", "at most 4 decimals")]
    [InlineData("0.0000000000000000000000000001", "rules.work.rate", "at most 4 decimals")]
    public void Rates_are_bounded_so_every_claim_can_be_valued(string rate, string field, string message)
    {
        var request = new ValueEquationRequest(null,
            new Dictionary<string, KindRuleRequest?> { ["work"] = new("hour", rate, "2") }, null, null, null);
        var act = () => ValueEquationBuilder.Build(request, 1, null);
        act.Should().Throw<RuleViolation>().Where(v => v.Field == field && v.Message.Contains(message));
    }

    [Theory]
    [InlineData("2.0001", "at most 3 decimals")]
    [InlineData("100.1", "at most 100")]
    public void Multipliers_are_bounded(string multiplier, string message)
    {
        var request = new ValueEquationRequest(null,
            new Dictionary<string, KindRuleRequest?> { ["work"] = new("hour", "50", multiplier) }, null, null, null);
        var act = () => ValueEquationBuilder.Build(request, 1, null);
        act.Should().Throw<RuleViolation>().Where(v =>
            v.Field == "rules.work.multiplier" && v.Message.Contains(message));
    }

    [Fact]
    public void The_largest_claim_under_the_largest_rule_is_valued_exactly()
    {
        var request = new ValueEquationRequest(null,
            new Dictionary<string, KindRuleRequest?> { ["work"] = new("hour", "999999.9999", "99.999") }, null, null,
                null);
        var equation = ValueEquationBuilder.Build(request, 1, null);
        var valued = Points.Value(equation, "work", 999_999_999.99m, "hour", Currency.Parse("EUR", "currency"));
        // By hand: (10^9 − 0.01)(10^6 − 0.0001) = 10^15 − 10^5 − 10^4 + 10^-6 = 999,999,999,890,000.000001;
        // × (100 − 0.001) = 99,999,999,989,000,000.0001 − 999,999,999,890.000000001
        //                 = 99,998,999,989,000,110.000099999 (26 significant digits: exact in a decimal).
        valued.Points.Should().Be(99_998_999_989_000_110.000099999m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(36_501)]
    public void A_half_life_is_from_1_to_36500_days(int days)
    {
        var request = new ValueEquationRequest("slicing-pie", null, days, null, null);
        var act = () => ValueEquationBuilder.Build(request, 1, null);
        act.Should().Throw<RuleViolation>().Which.Field.Should().Be("halfLifeDays");
    }

    [Fact]
    public void A_pool_refuses_income_past_what_one_pool_may_hold()
    {
        var networkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
        var nearlyFull = new Pool(DerivedIds.Pool(networkId, null), networkId, null, "EUR", Pool.MaxIncomeMinor - 100,
            0, 0);
        IncomeRecorded Income(long minor) => new(nearlyFull.Id, networkId, null, Guid.Empty, minor, "EUR",
            IncomeSource.Sale,
            new LocalDate(2026, 11, 26), null, Guid.Empty, Instant.FromUtc(2026, 11, 26, 9, 0));
        PoolCapacity.Check(nearlyFull, Income(100));
        var act = () => PoolCapacity.Check(nearlyFull, Income(101));
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("pool-full");
    }
}
