using System.Text.RegularExpressions;
using Marten;

namespace OpenValue.Api.Privacy;

/// <summary>
/// Sealed fields opened for one response: the keys of every member whose fields it shows, read in one query.
/// A field whose key was destroyed reads as <see cref="ErasedName"/> or <see cref="ErasedText"/>; text stored
/// before sealing existed reads as it is.
/// </summary>
public sealed partial class Unsealed(Guid networkId, IReadOnlyDictionary<Guid, byte[]> keys)
{
    public const string ErasedName = "erased member";
    public const string ErasedText = "(erased)";

    public static async Task<Unsealed> For(
        IQuerySession session, IEnumerable<string?> stored, CancellationToken cancellation)
    {
        var owners = new HashSet<Guid>();
        foreach (var field in stored)
        {
            if (SealedText.OwnerOf(field) is { } owner)
                owners.Add(owner);
            else if (field is not null && field.Contains(SealedText.Prefix, StringComparison.Ordinal))
                foreach (Match token in Token().Matches(field))
                    if (SealedText.OwnerOf(token.Value.TrimStart(FreeTextMark)) is { } inner) owners.Add(inner);
        }
        return new Unsealed(Guid.Parse(session.TenantId), await MemberKeys.Load(session, owners, cancellation));
    }

    public string Name(string? stored) => Open(stored) ?? ErasedName;

    public string? Text(string? stored) => stored is null ? null : Open(stored) ?? ErasedText;

    /// <summary>
    /// Text with sealed fields inside it (an activity entry's sentence): each token opened, a name as it is, free
    /// text (a token after <see cref="FreeTextMark"/>) through <paramref name="shorten"/>; an erased one replaced.
    /// </summary>
    public string Within(string text, Func<string, string> shorten) =>
        !text.Contains(SealedText.Prefix, StringComparison.Ordinal)
            ? text
            : Token().Replace(text, token =>
            {
                var free = token.Value.StartsWith(FreeTextMark);
                return Open(token.Value.TrimStart(FreeTextMark)) is { } opened
                    ? free ? shorten(opened) : opened
                    : free ? ErasedText + "." : ErasedName;
            });

    /// <summary>Marks a sealed token in a sentence as free text, to be shortened once opened.</summary>
    public const char FreeTextMark = '~';

    /// <summary>The field opened: as it is when not sealed, null when absent or its key is gone.</summary>
    public string? Open(string? stored)
    {
        if (stored is null || !SealedText.IsSealed(stored))
            return stored;
        var key = SealedText.OwnerOf(stored) is { } owner ? keys.GetValueOrDefault(owner) : null;
        return SealedText.Open(stored, networkId, key);
    }

    [GeneratedRegex(@"~?ov1\.[A-Za-z0-9_-]+")]
    private static partial Regex Token();
}
