using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace GatewayPortal.Portal.Search.Text;

/// <summary>
/// Reads <c>[[Target]]</c> and <c>[[Target|label]]</c> on one line as the text the wiki shows for them: the label, else the
/// target (the wiki's own parser and its link type are internal to the wiki library).
/// </summary>
internal sealed class WikiLinkTextParser : InlineParser
{
    /// <summary>The longest <c>[[…]]</c> content looked at, as in the wiki's parser.</summary>
    private const int MaxContentLength = 1_024;

    public WikiLinkTextParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var contentStart = slice.Start + 2;
        var length = Math.Min(slice.End - contentStart + 1, MaxContentLength + 2);
        var window = length < 2 ? [] : slice.Text.AsSpan(contentStart, length);
        var newline = window.IndexOf('\n');
        var close = (newline < 0 ? window : window[..newline]).IndexOf("]]", StringComparison.Ordinal);
        if (close <= 0)
        {
            return false;
        }

        var content = slice.Text.AsSpan(contentStart, close);
        var pipe = content.IndexOf('|');
        var label = (pipe < 0 ? content : content[(pipe + 1)..]).Trim();
        if (label.Length == 0)
        {
            label = (pipe < 0 ? content : content[..pipe]).Trim();
        }

        if (label.Length == 0)
        {
            return false;
        }

        processor.Inline = new LiteralInline(label.ToString());
        slice.Start = contentStart + close + 2;
        return true;
    }
}
