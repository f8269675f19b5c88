using System.Net;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// The URL allow-list for every <c>href</c>/<c>src</c> Markdig writes: http, https, mailto, relative and fragment URLs pass;
/// anything with another scheme (javascript:, vbscript:, data:, …) becomes <see cref="Replacement"/>.
/// The scheme is read the way a browser's URL parser reads it, so tab/newline and case tricks do not hide it.
/// </summary>
internal static class WikiUrlFilter
{
    /// <summary>What an unsafe URL is rewritten to: a link to the top of the current page.</summary>
    public const string Replacement = "#";

    private static readonly string[] s_allowedSchemes = ["http", "https", "mailto"];

    /// <summary>Returns <paramref name="url"/> when it is safe, otherwise <see cref="Replacement"/>. Used as Markdig's link rewriter.</summary>
    public static string Rewrite(string url) => IsSafe(url) ? url : Replacement;

    /// <summary>True for a relative or fragment URL, or one whose scheme is http, https or mailto.</summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Belt and braces: Markdig has already decoded entities and escapes '&' on output, but judge the decoded form too.
        return HasSafeScheme(url) && (!url.Contains('&', StringComparison.Ordinal) || HasSafeScheme(WebUtility.HtmlDecode(url)));
    }

    private static bool HasSafeScheme(string url)
    {
        // WHATWG URL parsing: leading/trailing C0 controls and spaces are stripped, tab/CR/LF are removed anywhere.
        var span = url.AsSpan().Trim(C0ControlsAndSpace);
        Span<char> scheme = stackalloc char[16];
        var length = 0;
        foreach (var c in span)
        {
            switch (c)
            {
                case '\t' or '\n' or '\r':
                    continue;
                case '/' or '?' or '#':
                    return true;
                case ':':
                    return length > 0 && IsAllowed(scheme[..length]);
            }

            if (length == scheme.Length)
            {
                // Longer than any allowed scheme: safe only if no ':' comes before a path, query or fragment.
                return !HasSchemeSeparator(span);
            }

            // Only ASCII letters fold; a non-ASCII lookalike stays itself and so never matches.
            scheme[length++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }

        return true;
    }

    private static bool HasSchemeSeparator(ReadOnlySpan<char> span)
    {
        var end = span.IndexOfAny('/', '?', '#');
        return (end < 0 ? span : span[..end]).Contains(':');
    }

    private static bool IsAllowed(ReadOnlySpan<char> scheme)
    {
        foreach (var allowed in s_allowedSchemes)
        {
            if (scheme.SequenceEqual(allowed))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> C0ControlsAndSpace =>
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020";
}
