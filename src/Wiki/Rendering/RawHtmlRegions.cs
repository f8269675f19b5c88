using System.Text;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Sanitises only the stretches of a page that hold raw HTML. A stretch starts at a top-level block with raw HTML and ends at the
/// first block boundary where every raw element is closed again (as <see cref="RawHtmlNesting"/> counts them); blocks outside
/// such stretches are Markdig's own escaped output and are kept as written. Each stretch is parsed and sanitised on its own, and
/// its serialisation closes every element it opens, so the concatenation is as safe as sanitising the whole page, at a cost
/// proportional to the HTML-bearing part (a 2 MB manual with one <c>&lt;br&gt;</c> no longer sanitises 2 MB).
/// </summary>
internal static class RawHtmlRegions
{
    /// <param name="html">The page's HTML, the top-level blocks' output one after another.</param>
    /// <param name="blockEnds">The end offset in <paramref name="html"/> of each top-level block's output.</param>
    /// <param name="scan">The walk that found the blocks and their raw HTML.</param>
    /// <param name="cancellationToken">Checked before each stretch.</param>
    public static string Sanitize(string html, IReadOnlyList<int> blockEnds, WikiDocumentScan scan, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder(html.Length);
        var regionStart = -1;
        for (var i = 0; i < scan.TopLevel.Count; i++)
        {
            var (_, closedBefore, hasRawHtml) = scan.TopLevel[i];
            if (regionStart >= 0 && closedBefore)
            {
                builder.Append(Region(html, regionStart, i, blockEnds, cancellationToken));
                regionStart = -1;
            }

            if (regionStart >= 0)
            {
                continue;
            }

            if (hasRawHtml)
            {
                regionStart = i;
            }
            else
            {
                var start = i == 0 ? 0 : blockEnds[i - 1];
                builder.Append(html, start, blockEnds[i] - start);
            }
        }

        if (regionStart >= 0)
        {
            builder.Append(Region(html, regionStart, scan.TopLevel.Count, blockEnds, cancellationToken));
        }

        return builder.ToString();
    }

    private static string Region(string html, int first, int end, IReadOnlyList<int> blockEnds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = first == 0 ? 0 : blockEnds[first - 1];
        return WikiHtmlSanitizer.Sanitize(html[start..blockEnds[end - 1]], cancellationToken);
    }
}
