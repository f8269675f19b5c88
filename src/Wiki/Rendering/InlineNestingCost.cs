namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// An upper bound of the work Markdig's inline parser does for emphasis marks (<c>*</c>, <c>_</c>) and brackets (<c>[</c>).
/// Every emphasis run that can open or close becomes a container that the rest of the paragraph nests under until the paragraph
/// ends (matching happens afterwards), so a paragraph of k runs costs O(k²) whether or not they match; an unclosed bracket does
/// the same until its <c>]</c>. Counted per paragraph (reset at blank lines and at headings, list items and quotes).
/// </summary>
internal sealed class InlineNestingCost
{
    private int _brackets;
    private long _pipes;
    private long _runs;
    private long _tableEmphasis;
    private long _bracketCost;
    private long _runsSquared;

    /// <summary>Σ over paragraphs of emphasis runs², plus the open bracket depth at every punctuation mark.</summary>
    public long Total => _bracketCost + _runsSquared + (_runs * _runs);

    /// <summary>
    /// Σ over paragraphs of cell separators × emphasis marks: Markdig's pipe-table parser revisits its cell delimiters for every
    /// emphasis mark of the table, so a table of r rows with bold in each row costs O(r²).
    /// </summary>
    public long TableEmphasis => _tableEmphasis + (_pipes * _runs);

    /// <summary>A line that starts a heading, list item or quote starts a new paragraph: nothing stays open across it.</summary>
    public void LineStart(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        var digits = trimmed.IndexOfAnyExceptInRange('0', '9');
        var startsBlock = trimmed.Length > 0 && (trimmed[0] is '#' or '>'
            || (trimmed.Length > 1 && trimmed[0] is '-' or '+' or '*' && trimmed[1] == ' ')
            || (digits > 0 && digits + 1 < trimmed.Length && trimmed[digits] is '.' or ')' && trimmed[digits + 1] == ' '));
        if (startsBlock)
        {
            EndParagraph();
        }
    }

    /// <summary>Reads the character at <paramref name="i"/>; returns the index of the last character consumed (runs of * and _ at once).</summary>
    public int Read(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c) || c is ' ' or '\t')
        {
            return i;
        }

        _bracketCost += _brackets;
        switch (c)
        {
            case '\n' when IsBlankLineAfter(text, i):
                EndParagraph();
                return i;
            case '|':
                _pipes++;
                return i;
            case '[':
                _brackets++;
                return i;
            case ']':
                _brackets = Math.Max(0, _brackets - 1);
                return i;
            case '*' or '_':
                return Delimiter(text, i);
            default:
                return i;
        }
    }

    private int Delimiter(string text, int i)
    {
        var c = text[i];
        var end = i;
        while (end + 1 < text.Length && text[end + 1] == c)
        {
            end++;
        }

        var before = i > 0 ? text[i - 1] : ' ';
        var after = end + 1 < text.Length ? text[end + 1] : ' ';
        var left = !char.IsWhiteSpace(after) && (!IsPunctuation(after) || char.IsWhiteSpace(before) || IsPunctuation(before));
        var right = !char.IsWhiteSpace(before) && (!IsPunctuation(before) || char.IsWhiteSpace(after) || IsPunctuation(after));
        var (canOpen, canClose) = c == '*' ? (left, right) : (left && (!right || IsPunctuation(before)), right && (!left || IsPunctuation(after)));
        _runs += canOpen || canClose ? 1 : 0;
        return end;
    }

    private void EndParagraph()
    {
        _tableEmphasis += _pipes * _runs;
        _runsSquared += _runs * _runs;
        (_brackets, _pipes, _runs) = (0, 0, 0);
    }

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    private static bool IsBlankLineAfter(string text, int newline)
    {
        var i = newline + 1;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        return i >= text.Length || text[i] == '\n';
    }
}
