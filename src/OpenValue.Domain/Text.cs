using System.Globalization;
using System.Text;

namespace OpenValue.Domain;

/// <summary>
/// Checks on free text that people type: names (one line) and descriptions, notes, reasons (may span lines).
/// Text is trimmed and normalised to NFC, so "é" typed as one code point or as "e" + accent is the same
/// name. Refused: text that is empty once invisible characters are removed (a name of zero-width spaces
/// would show as nothing), control characters, and the bidirectional overrides, embeddings and isolates
/// that make text display in another order than it is stored ("Trojan Source").
/// </summary>
public static class Text
{
    public static string Required(string? value, string field, int maxLength, bool multiline = false)
    {
        var normalised = Normalise(value);
        if (normalised.Length == 0 || !normalised.Any(IsVisible))
            throw RuleViolation.Invalid(field, $"'{field}' is required.");
        if (normalised.Length > maxLength)
            throw RuleViolation.Invalid(field,
                $"'{field}' must be at most {maxLength} characters (got {normalised.Length}).");
        if (!IsWellFormed(normalised))
            throw RuleViolation.Invalid(field, $"'{field}' is not valid Unicode text (it holds a lone surrogate).");
        if (normalised.IndexWhere(c => IsControl(c, multiline)) is var control and >= 0)
            throw RuleViolation.Invalid(field,
                $"'{field}' must not contain control characters (found U+{(int)normalised[control]:X4}).");
        if (normalised.IndexWhere(IsBidiControl) is var bidi and >= 0)
            throw RuleViolation.Invalid(field,
                $"'{field}' must not contain bidirectional override or isolate characters " +
                $"(found U+{(int)normalised[bidi]:X4}).");
        return normalised;
    }

    /// <summary>
    /// Null for text with nothing visible in it (absent, empty, only spaces); otherwise as <see cref="Required"/>.
    /// </summary>
    public static string? Optional(string? value, string field, int maxLength, bool multiline = false) =>
        Normalise(value).Any(IsVisible) ? Required(value, field, maxLength, multiline) : null;

    private static int IndexWhere(this string text, Func<char, bool> predicate)
    {
        for (var i = 0; i < text.Length; i++)
            if (predicate(text[i]))
                return i;
        return -1;
    }

    private static string Normalise(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        // A lone surrogate cannot be normalised (and is no text): Required refuses it.
        return !IsWellFormed(trimmed) || trimmed.IsNormalized(NormalizationForm.FormC)
            ? trimmed
            : trimmed.Normalize(NormalizationForm.FormC);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// C0/C1 controls (a multi-line text keeps line breaks and tabs) and the Unicode line separators.
    /// </summary>
    private static bool IsControl(char c, bool multiline) =>
        (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || c is '\u2028' or '\u2029';

    /// <summary>LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069).</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// Whether the character shows as something: not white space, not a format character (zero-width ones).
    /// </summary>
    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c)
        && CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.Format and not UnicodeCategory.Control
        && c is not '\u115F' and not '\u1160' and not '\u3164' and not '\uFFA0';
}
