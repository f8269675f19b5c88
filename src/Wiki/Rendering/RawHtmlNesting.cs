namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Follows the raw HTML tags of a page in document order: how many elements are open at once, and how many unclosed formatting
/// elements each block inherits (an HTML parser re-opens them in every later paragraph, so their cost multiplies).
/// Void elements and elements whose end tag is optional (p, li, td, …) close implicitly and are not counted.
/// </summary>
internal sealed class RawHtmlNesting
{
    private static readonly HashSet<string> s_uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc", "caption", "colgroup",
    };

    private static readonly HashSet<string> s_formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    private int _formatting;

    public int Depth { get; private set; }

    public int MaxDepth { get; private set; }

    public long CarriedFormatting { get; private set; }

    /// <summary>Raw start tags, counted or not (the sanitiser visits each element).</summary>
    public int Tags { get; private set; }

    /// <summary>Raw <c>href</c>/<c>src</c>-like attributes (the sanitiser parses each URL, which costs far more than a tag).</summary>
    public int Urls { get; private set; }

    /// <summary>True when no counted raw element is open: what follows starts in the same parser state as the page's start.</summary>
    public bool IsClosed => Depth == 0 && _formatting == 0;

    /// <summary>Counts the tags in a raw HTML fragment (an inline tag or an HTML block's text).</summary>
    public void Add(ReadOnlySpan<char> html)
    {
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            var closing = html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
            {
                end++;
            }

            var tagEnd = html[end..].IndexOf('>');
            var close = tagEnd < 0 ? html.Length : end + tagEnd;
            if (end > start && char.IsAsciiLetter(html[start]))
            {
                Tags += closing ? 0 : 1;
                Urls += closing ? 0 : CountUrls(html[end..close]);
                Count(html[start..end].ToString(), closing, selfClosing: close > 0 && close < html.Length && html[close - 1] == '/');
            }

            var next = html[Math.Min(close + 1, html.Length)..].IndexOf('<');
            i = next < 0 ? -1 : Math.Min(close + 1, html.Length) + next;
        }
    }

    private static int CountUrls(ReadOnlySpan<char> attributes)
    {
        var count = 0;
        for (var i = attributes.IndexOf('='); i >= 0; i = attributes.IndexOf('='))
        {
            var name = attributes[..i].TrimEnd();
            count += name.EndsWith("href", StringComparison.OrdinalIgnoreCase) || name.EndsWith("src", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("srcset", StringComparison.OrdinalIgnoreCase) || name.EndsWith("action", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("background", StringComparison.OrdinalIgnoreCase) || name.EndsWith("poster", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("cite", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            attributes = attributes[(i + 1)..];
        }

        return count;
    }

    /// <summary>A block starts: it inherits every formatting element still open.</summary>
    public void Block() => CarriedFormatting += _formatting;

    private void Count(string name, bool closing, bool selfClosing)
    {
        if (selfClosing || s_uncounted.Contains(name))
        {
            return;
        }

        var formatting = s_formatting.Contains(name);
        if (closing)
        {
            Depth = Math.Max(0, Depth - 1);
            _formatting = formatting ? Math.Max(0, _formatting - 1) : _formatting;
            return;
        }

        Depth++;
        MaxDepth = Math.Max(MaxDepth, Depth);
        _formatting += formatting ? 1 : 0;
    }
}
