using System.Text;
using Markdig.Syntax.Inlines;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>The plain text of an inline tree (for headings in the table of contents).</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(builder, container);
        return builder.ToString().Trim();
    }

    private static void Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case WikiLinkInline link:
                builder.Append(link.Label);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }

                break;
        }
    }
}
