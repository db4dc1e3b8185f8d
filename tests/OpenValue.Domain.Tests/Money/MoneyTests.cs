namespace OpenValue.Domain.Tests.Money;

// Inside this namespace "Money" would name the namespace; the alias makes it the record.
using OpenValue.Domain.Money;
using Money = OpenValue.Domain.Money.Money;

public class MoneyTests
{
    private static readonly Currency Eur = Currency.Parse("EUR", "currency");
    private static readonly Currency Jpy = Currency.Parse("JPY", "currency");
    private static readonly Currency Kwd = Currency.Parse("KWD", "currency");

    [Theory]
    [InlineData("12.30", 1230)]
    [InlineData("12.3", 1230)]
    [InlineData("12", 1200)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("007.50", 750)]
    [InlineData("1000000000000.00", 100_000_000_000_000)]
    public void Parsing_reads_the_amount_in_minor_units(string text, long minor) =>
        Money.Parse(text, Eur, "amount").Should().Be(new Money(minor, Eur));

    [Fact]
    public void Parsing_follows_the_currency_precision()
    {
        Money.Parse("5", Jpy, "amount").AmountMinor.Should().Be(5);
        Money.Parse("1.234", Kwd, "amount").AmountMinor.Should().Be(1234);
    }

    [Theory]
    [InlineData("12.345", "EUR")]
    [InlineData("12.300", "EUR")]
    [InlineData("5.0", "JPY")]
    [InlineData("1.2345", "KWD")]
    [InlineData(null, "EUR")]
    [InlineData("", "EUR")]
    [InlineData("abc", "EUR")]
    [InlineData("1e3", "EUR")]
    [InlineData("+5", "EUR")]
    [InlineData(" 5", "EUR")]
    [InlineData(".5", "EUR")]
    [InlineData("5.", "EUR")]
    [InlineData("1,50", "EUR")]
    [InlineData("NaN", "EUR")]
    [InlineData("-1.00", "EUR")]
    [InlineData("1000000000000.01", "EUR")]
    [InlineData("92233720368547758.08", "EUR")]
    [InlineData("99999999999999999999999999999", "EUR")]
    public void Parsing_refuses_bad_amounts_naming_the_callers_field(string? text, string currency)
    {
        var act = () => Money.Parse(text, Currency.Parse(currency, "currency"), "amount.amount");
        var violation = act.Should().Throw<RuleViolation>().Which;
        violation.Kind.Should().Be(RefusalKind.Invalid);
        violation.Field.Should().Be("amount.amount");
        violation.Code.Should().Be("invalid-amount-amount");
    }

    [Fact]
    public void Negative_amounts_are_accepted_only_when_asked() =>
        Money.Parse("-1.05", Eur, "amount", allowNegative: true).AmountMinor.Should().Be(-105);

    [Theory]
    [InlineData(1230, "EUR", "12.30")]
    [InlineData(5, "EUR", "0.05")]
    [InlineData(0, "EUR", "0.00")]
    [InlineData(-105, "EUR", "-1.05")]
    [InlineData(-5, "EUR", "-0.05")]
    [InlineData(5, "JPY", "5")]
    [InlineData(1234, "KWD", "1.234")]
    [InlineData(long.MaxValue, "EUR", "92233720368547758.07")]
    [InlineData(long.MinValue, "EUR", "-92233720368547758.08")]
    public void Formatting_writes_exactly_the_currency_decimals(long minor, string currency, string expected) =>
        new Money(minor, Currency.Parse(currency, "currency")).ToDecimalString().Should().Be(expected);

    [Theory]
    [InlineData("12.30")]
    [InlineData("0.07")]
    [InlineData("1000000.00")]
    public void Parse_and_format_round_trip(string text) =>
        Money.Parse(text, Eur, "amount").ToDecimalString().Should().Be(text);

    [Fact]
    public void Arithmetic_refuses_to_mix_currencies()
    {
        (new Money(150, Eur) + new Money(50, Eur)).Should().Be(new Money(200, Eur));
        var act = () => new Money(1, Eur) - new Money(1, Jpy);
        act.Should().Throw<RuleViolation>().Which.Code.Should().Be("currency-mismatch");
    }

    [Fact]
    public void Describing_and_converting()
    {
        new Money(1230, Eur).ToString().Should().Be("12.30 EUR");
        new Money(1230, Eur).ToDecimal().Should().Be(12.30m);
    }
}
