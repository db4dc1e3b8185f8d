using System.Collections.Frozen;

namespace OpenValue.Domain.Networks;

/// <summary>
/// An IBAN checked as ISO 13616 defines it, in this order, each failure named in the refusal's <c>check</c>:
/// characters (letters and digits only, once spaces are removed; two letters, then two check digits), country
/// (one of the registry's), length (the country's) and checksum (mod 97 = 1). Kept without spaces, upper case.
/// </summary>
public static class Iban
{
    /// <summary>Lengths per country, from the SWIFT IBAN registry.</summary>
    public static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary();

    public static string Parse(string? value, string field)
    {
        var iban = (value ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (iban.Length < 5 || !iban.All(char.IsAsciiLetterOrDigit)
            || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
            throw Refused(field, "characters", $"'{field}' must be two letters, two check digits and then letters " +
                "and digits only (spaces are ignored).");
        var country = iban[..2];
        if (!Lengths.TryGetValue(country, out var length))
            throw Refused(field, "country", $"'{field}' starts with '{country}', which is no IBAN country.");
        if (iban.Length != length)
            throw Refused(field, "length",
                $"An IBAN of {country} has {length} characters; this one has {iban.Length}.");
        if (Mod97(iban) != 1)
            throw Refused(field, "checksum", $"'{field}' fails its check digits (mod 97): a character is mistyped.");
        return iban;
    }

    /// <summary>The IBAN in groups of four, as people write it on paper.</summary>
    public static string Grouped(string iban) =>
        string.Join(' ', iban.Chunk(4).Select(group => new string(group)));

    /// <summary>
    /// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end and each letter as
    /// two digits (A = 10 … Z = 35), computed digit by digit so no number grows past 97 × 100.
    /// </summary>
    public static int Mod97(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        return remainder;
    }

    private static RuleViolation Refused(string field, string check, string message) =>
        new(RefusalKind.Invalid, "invalid-" + field, message, field)
        {
            Details = new Dictionary<string, object> { ["check"] = check },
        };
}

/// <summary>
/// A BIC (ISO 9362): four letters for the bank, two for the country, two letters or digits for the place and
/// optionally three for the branch. Kept without spaces, upper case.
/// </summary>
public static class Bic
{
    public static string Parse(string? value, string field)
    {
        var bic = (value ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var shaped = bic.Length is 8 or 11
                     && bic[..6].All(char.IsAsciiLetter) && bic[6..].All(char.IsAsciiLetterOrDigit);
        return shaped
            ? bic
            : throw RuleViolation.Invalid(field, $"'{field}' must be 8 or 11 characters: 4 letters (bank), " +
                "2 letters (country), 2 letters or digits (place) and optionally 3 (branch), such as COBADEFFXXX.");
    }
}
