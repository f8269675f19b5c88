using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace GatewayPortal.Wiki.Titles;

/// <summary>
/// A normalised page title in a space (department or project room). The main space is <see cref="MainSpace"/>.
/// Titles are NFC-normalised, underscores count as spaces (MediaWiki style) and runs of whitespace collapse to one space.
/// Comparison is ordinal: <c>회의록</c> and <c>회의록 </c> are the same page, <c>Budget</c> and <c>budget</c> are not.
/// </summary>
/// <param name="Space">The lower-case space key, or <see cref="MainSpace"/>.</param>
/// <param name="Name">The display title without the space prefix.</param>
public sealed record WikiTitle(string Space, string Name)
{
    /// <summary>The key of the main space (pages without a <c>Space:</c> prefix).</summary>
    public const string MainSpace = "";

    /// <summary>The longest title, in UTF-16 code units after normalisation.</summary>
    public const int MaxLength = 255;

    /// <summary>The longest space key.</summary>
    public const int MaxSpaceLength = 64;

    /// <summary>
    /// Characters never allowed in a title: wiki link syntax, HTML brackets, the URL fragment marker, and '/'
    /// (forbidden so that routes such as <c>/wiki/{slug}/history</c> stay unambiguous).
    /// </summary>
    public const string ForbiddenCharacters = "[]{}|#<>/";

    /// <summary>The title as written in a wiki link: <c>Space:Name</c>, or just <c>Name</c> in the main space.</summary>
    public string FullName => Space.Length == 0 ? Name : Space + ":" + Name;

    /// <summary>
    /// The unambiguous link target: <see cref="FullName"/>, with a leading ':' when a main-space name would otherwise read as
    /// <c>Space:Name</c> (e.g. <c>:Re:Zero</c>). Parsing it in any current space gives this title back.
    /// </summary>
    public string LinkTarget => Space.Length == 0 ? ":" + Name : FullName;

    /// <summary>
    /// The URL slug: <see cref="FullName"/> with spaces replaced by '_' (not percent-encoded), with a leading ':' in the same
    /// ambiguous case as <see cref="LinkTarget"/>. <see cref="Parse"/> turns a slug back into the title.
    /// </summary>
    public string Slug => (Space.Length == 0 && SplitSpace(Name) is not null ? ":" : string.Empty) + FullName.Replace(' ', '_');

    /// <inheritdoc/>
    public override string ToString() => FullName;

    /// <summary>Parses a title without a current space: an unprefixed title is in the main space.</summary>
    /// <exception cref="FormatException">The title is invalid.</exception>
    public static WikiTitle Parse(string text) =>
        TryParse(text, MainSpace, out var title, out var error)
            ? title
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Invalid wiki title ({error})."));

    /// <summary>
    /// Parses <c>Name</c>, <c>Space:Name</c> or <c>:Name</c>. A prefix before the first colon is a space key only when it is
    /// 1-64 ASCII letters, digits, '-' or '_' (so <c>회의: 3월</c> stays one title); a leading colon forces the main space
    /// (<c>:Re:Zero</c>). An unprefixed title lands in <paramref name="currentSpace"/>.
    /// </summary>
    /// <param name="text">The raw title or slug.</param>
    /// <param name="currentSpace">The space of the page the text was written on.</param>
    /// <param name="title">The normalised title when valid.</param>
    /// <param name="error">Why the title is invalid, or <see cref="WikiTitleError.None"/>.</param>
    public static bool TryParse(string? text, string currentSpace, [NotNullWhen(true)] out WikiTitle? title, out WikiTitleError error)
    {
        ArgumentNullException.ThrowIfNull(currentSpace);
        title = null;
        var normalised = Clean(text ?? string.Empty);
        var space = currentSpace;
        if (normalised.StartsWith(':'))
        {
            space = MainSpace;
            normalised = normalised[1..].TrimStart();
        }
        else if (SplitSpace(normalised) is { } prefixed)
        {
            (space, normalised) = prefixed;
        }

        error = Validate(normalised);
        if (error == WikiTitleError.None && !IsValidSpaceKey(space))
        {
            error = WikiTitleError.InvalidSpace;
        }

        if (error != WikiTitleError.None)
        {
            return false;
        }

        title = new WikiTitle(space.ToLowerInvariant(), normalised);
        return true;
    }

    /// <summary>True when <paramref name="key"/> is empty (main space) or 1-64 ASCII letters, digits, '-' or '_'.</summary>
    public static bool IsValidSpaceKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= MaxSpaceLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    private static (string Space, string Name)? SplitSpace(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var prefix = text[..colon].TrimEnd();
        return prefix.Length > 0 && !prefix.Contains(' ', StringComparison.Ordinal) && IsValidSpaceKey(prefix)
            ? (prefix, text[(colon + 1)..].TrimStart())
            : null;
    }

    private static WikiTitleError Validate(string name)
    {
        if (name.Length == 0)
        {
            return WikiTitleError.Empty;
        }

        if (name.Any(char.IsControl))
        {
            return WikiTitleError.ControlCharacter;
        }

        if (name.AsSpan().IndexOfAny(ForbiddenCharacters) >= 0)
        {
            return WikiTitleError.ForbiddenCharacter;
        }

        return name.Length > MaxLength ? WikiTitleError.TooLong : WikiTitleError.None;
    }

    private static string Clean(string text)
    {
        var normalised = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            var isSpace = c == '_' || (char.IsWhiteSpace(c) && !char.IsControl(c));
            if (!isSpace)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
