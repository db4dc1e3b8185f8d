namespace OpenValue.Api.Treasury;

/// <summary>
/// RFC 4180 by hand: CRLF line ends; a field with a comma, quote, CR or LF is quoted, its quotes doubled.
/// </summary>
public static class CsvText
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        return text.ToString();
    }

    /// <summary>
    /// People's names are free text, and a spreadsheet runs a cell starting with = + - @ (or a tab or CR) as
    /// a formula. Such text gets a leading apostrophe, which spreadsheets show as text (OWASP's advice).
    /// </summary>
    public static string Defused(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    /// <summary>
    /// The payee's details as the export's last four columns; a payee without them is marked missing.
    /// </summary>
    public static IReadOnlyList<string> PayoutColumns(Networks.Members.PayoutDetailsResponse? details) =>
        details is null
            ? ["", "", "", "missing"]
            : [details.Iban?.Replace(" ", "", StringComparison.Ordinal) ?? "", details.Bic ?? "",
                Defused(details.AccountReference ?? ""), "set"];

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
