using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GatewayPortal.Search.Crawling;

/// <summary>Extracts title, headings, description, visible text, canonical URL and links from HTML.</summary>
internal static class HtmlPageParser
{
    private static readonly HashSet<string> s_invisible = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "head",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
        "nav", "table", "ul", "ol", "dt", "dd", "blockquote", "pre", "main", "aside", "form", "hr",
    };

    public static HtmlPage Parse(string html, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = CrawlUrl.Resolve(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href")) ?? pageUrl;

        var robots = Meta(document, "robots") ?? string.Empty;
        var canonical = document.QuerySelectorAll("link[href]")
            .Where(l => HasToken(l.GetAttribute("rel"), "canonical"))
            .Select(l => CrawlUrl.Resolve(baseUrl, l.GetAttribute("href")))
            .FirstOrDefault(u => u is not null);
        var links = document.QuerySelectorAll("a[href]")
            .Where(a => !HasToken(a.GetAttribute("rel"), "nofollow"))
            .Select(a => CrawlUrl.Resolve(baseUrl, a.GetAttribute("href")))
            .OfType<Uri>()
            .Distinct()
            .ToList();
        var headings = document.QuerySelectorAll("h1, h2, h3")
            .Select(h => Collapse(h.TextContent))
            .Where(h => h.Length > 0)
            .ToList();

        var text = new StringBuilder();
        if (document.Body is { } body)
        {
            AppendText(body, text);
        }

        var title = Collapse(document.Title ?? string.Empty);
        return new HtmlPage(
            title.Length > 0 ? title : headings.FirstOrDefault(),
            headings,
            Meta(document, "description") is { Length: > 0 } description ? Collapse(description) : null,
            Collapse(text.ToString()),
            canonical,
            links,
            robots.Contains("noindex", StringComparison.OrdinalIgnoreCase) || robots.Contains("none", StringComparison.OrdinalIgnoreCase),
            robots.Contains("nofollow", StringComparison.OrdinalIgnoreCase) || robots.Contains("none", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element)
            {
                var name = element.LocalName;
                if (s_invisible.Contains(name))
                {
                    continue;
                }

                var block = s_blocks.Contains(name);
                if (block)
                {
                    text.Append(' ');
                }

                AppendText(element, text);
                if (block)
                {
                    text.Append(' ');
                }
            }
            else if (child.NodeType == NodeType.Text)
            {
                text.Append(child.TextContent);
            }
        }
    }

    private static string? Meta(IDocument document, string name) => document.QuerySelectorAll("meta[name][content]")
        .FirstOrDefault(m => string.Equals(m.GetAttribute("name")?.Trim(), name, StringComparison.OrdinalIgnoreCase))
        ?.GetAttribute("content");

    private static bool HasToken(string? list, string token) =>
        list?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(t => string.Equals(t, token, StringComparison.OrdinalIgnoreCase)) == true;
}
