using OpenValue.Api.Treasury;

namespace OpenValue.Api.Tests.Treasury;

public class csv_text
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("O'Brien, Pat", "\"O'Brien, Pat\"")]
    public void names_that_a_spreadsheet_would_run_are_kept_as_text(string name, string field) =>
        CsvText.Field(CsvText.Defused(name)).Should().Be(field);
}
