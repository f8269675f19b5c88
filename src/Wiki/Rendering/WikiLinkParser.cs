using GatewayPortal.Wiki.Titles;
using Markdig.Helpers;
using Markdig.Parsers;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>Parses <c>[[Page]]</c>, <c>[[Page|label]]</c>, <c>[[Space:Page]]</c> and <c>[[Page#Section]]</c> on one line.</summary>
internal sealed class WikiLinkParser : InlineParser
{
    /// <summary>The <see cref="Markdig.MarkdownParserContext"/> property holding the current page's space key.</summary>
    public const string SpaceProperty = "GatewayPortal.Wiki.Space";

    /// <summary>
    /// The longest <c>[[…]]</c> content looked at: a space, a title, a section and a label. Searching further for <c>]]</c> from every
    /// <c>[[</c> made a line of openers quadratic.
    /// </summary>
    public const int MaxContentLength = 1_024;

    public WikiLinkParser()
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
        if (close < 0)
        {
            return false;
        }

        close += contentStart;
        var content = slice.Text[contentStart..close];
        if (Create(processor, content) is not { } link)
        {
            return false;
        }

        processor.Inline = link;
        slice.Start = close + 2;
        return true;
    }

    private static WikiLinkInline? Create(InlineProcessor processor, string content)
    {
        var pipe = content.IndexOf('|', StringComparison.Ordinal);
        var target = pipe < 0 ? content : content[..pipe];
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? null : target[(hash + 1)..].Trim();
        var titleText = hash < 0 ? target : target[..hash];
        var space = processor.Context?.Properties.GetValueOrDefault(SpaceProperty) as string ?? WikiTitle.MainSpace;
        if (!WikiTitle.TryParse(titleText, space, out var title, out _))
        {
            return null;
        }

        var label = pipe < 0 ? target.Trim() : content[(pipe + 1)..].Trim();
        return new WikiLinkInline(title, string.IsNullOrEmpty(fragment) ? null : fragment, label.Length == 0 ? title.FullName : label);
    }
}
