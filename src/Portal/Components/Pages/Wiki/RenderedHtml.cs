namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>The per-request finishing of a rendered page's HTML: labels on task-list checkboxes and keyboard-scrollable tables.</summary>
public static class RenderedHtml
{
    /// <summary>
    /// Applies <see cref="TaskListLabels"/> and wraps every Markdown table in a sideways scroller: on a phone a wide table
    /// scrolls inside the article (its cells keep a readable width), and the scroller takes focus so the keyboard can scroll
    /// it (WCAG 2.1.1; axe <c>scrollable-region-focusable</c>). Markdig writes tables as a bare <c>&lt;table&gt;</c>, and
    /// tables do not nest in Markdown, so each one closes before the next opens.
    /// </summary>
    public static string Finish(string html, string doneLabel, string todoLabel)
    {
        ArgumentNullException.ThrowIfNull(html);
        var labelled = TaskListLabels.Apply(html, doneLabel, todoLabel);
        if (!labelled.Contains("<table>", StringComparison.Ordinal))
        {
            return labelled;
        }

        return labelled.Replace("<table>", "<div class=\"wiki-table\" tabindex=\"0\"><table>", StringComparison.Ordinal)
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);
    }
}
