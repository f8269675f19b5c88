using System.Text;
using AngleSharp.Dom;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Serialises a sanitised DOM as AngleSharp's <c>HtmlMarkupFormatter</c> does (same escaping, void elements and <c>pre</c>
/// newline), in one linear walk over each element's child list: AngleSharp's own serialiser takes quadratic time in the number
/// of siblings (seconds for a long page; bench/RESULTS.md), which a long page with any raw HTML reached.
/// </summary>
internal static class SanitizedHtmlWriter
{
    /// <summary>
    /// Stands for Markdig's <c>style="text-align: …"</c> on table cells while sanitising; written back as that style when its value
    /// is left, center or right, and dropped otherwise (an author may write the attribute too).
    /// </summary>
    public const string AlignmentAttribute = "data-wiki-align";

    private static readonly HashSet<string> s_void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> s_rawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>The HTML of <paramref name="parent"/>'s children.</summary>
    public static string ChildrenOf(INode parent, int capacity, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder(capacity);
        // Each entry is a node to open, or (Node: element, Close: true) to write its end tag.
        var stack = new Stack<(INode Node, bool Close)>();
        PushChildren(stack, parent);
        for (var visited = 0; stack.TryPop(out var item); visited++)
        {
            if ((visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (node, close) = item;
            switch (node)
            {
                case IElement element when close:
                    builder.Append("</").Append(element.LocalName).Append('>');
                    break;
                case IElement element:
                    Open(builder, element);
                    if (!s_void.Contains(element.LocalName))
                    {
                        stack.Push((element, true));
                        PushChildren(stack, element);
                    }

                    break;
                case IText text:
                    AppendText(builder, text);
                    break;
                case IComment comment:
                    builder.Append("<!--").Append(comment.Data).Append("-->");
                    break;
            }
        }

        return builder.ToString();
    }

    private static void PushChildren(Stack<(INode, bool)> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    private static void Open(StringBuilder builder, IElement element)
    {
        builder.Append('<').Append(element.LocalName);
        foreach (var attribute in element.Attributes)
        {
            if (string.Equals(attribute.Name, AlignmentAttribute, StringComparison.Ordinal))
            {
                if (attribute.Value is "left" or "center" or "right")
                {
                    builder.Append(" style=\"text-align: ").Append(attribute.Value).Append('"');
                }

                continue;
            }

            builder.Append(' ').Append(attribute.Name).Append("=\"");
            foreach (var c in attribute.Value)
            {
                _ = c switch
                {
                    '&' => builder.Append("&amp;"),
                    '"' => builder.Append("&quot;"),
                    '\u00A0' => builder.Append("&nbsp;"),
                    _ => builder.Append(c),
                };
            }

            builder.Append('"');
        }

        builder.Append('>');
        if (element.LocalName is "pre" or "textarea" or "listing" && element.FirstChild is IText { Data: ['\n', ..] })
        {
            builder.Append('\n');
        }
    }

    private static void AppendText(StringBuilder builder, IText text)
    {
        if (text.ParentElement is { } parent && s_rawText.Contains(parent.LocalName))
        {
            builder.Append(text.Data);
            return;
        }

        foreach (var c in text.Data)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '\u00A0' => builder.Append("&nbsp;"),
                _ => builder.Append(c),
            };
        }
    }
}
