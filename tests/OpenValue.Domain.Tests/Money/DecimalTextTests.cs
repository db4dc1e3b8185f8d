namespace OpenValue.Domain.Tests.Money;

using System.Globalization;
using OpenValue.Domain.Money;

public class DecimalTextTests
{
    [Theory]
    [InlineData("1250.0", "1250")]
    [InlineData("0.50", "0.5")]
    [InlineData("-12.500", "-12.5")]
    [InlineData("0.000", "0")]
    [InlineData("0.1752577319587628865979381443", "0.1752577319587628865979381443")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-0.0000000000000000000000000001", "-0.0000000000000000000000000001")]
    public void Formatting_drops_trailing_zeros_and_keeps_every_other_digit(string value, string expected) =>
        DecimalText.Format(decimal.Parse(value, CultureInfo.InvariantCulture)).Should().Be(expected);

    [Fact]
    public void Formatting_writes_what_the_custom_format_wrote_for_every_scale_and_sign()
    {
        var random = new SeededRandom(20261126);
        var values = new List<decimal> { 0m, -0m, new(0, 0, 0, true, 3), decimal.MaxValue, decimal.MinValue, 1e-28m, -1e-28m };
        for (var i = 0; i < 20_000; i++)
        {
            var (low, mid, high) = ((int)random.Next(), (int)random.Next(), (int)random.Below(1L << (int)random.Below(33)));
            values.Add(new decimal(low, mid, high, random.Below(2) == 0, (byte)random.Below(29)));
        }
        var wrong = values.Where(v => DecimalText.Format(v) != v.ToString("0.############################", CultureInfo.InvariantCulture)).Take(5).ToList();
        wrong.Should().BeEmpty();
    }
}
