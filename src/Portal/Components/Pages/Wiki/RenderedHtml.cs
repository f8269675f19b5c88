namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>The per-request finishing of a rendered page's HTML: labels on task-list checkboxes and keyboard-scrollable tables.</summary>
public static class RenderedHtml
{
    /// <summary>
    /// Applies <see cref="TaskListLabels"/> and lets the keyboard reach every table: on a phone a wide table scrolls sideways
    /// inside the article, and a scroll region must take focus to be scrolled without a pointer (WCAG 2.1.1; axe
    /// <c>scrollable-region-focusable</c>). Markdig writes tables as a bare <c>&lt;table&gt;</c>.
    /// </summary>
    public static string Finish(string html, string doneLabel, string todoLabel)
    {
        ArgumentNullException.ThrowIfNull(html);
        var labelled = TaskListLabels.Apply(html, doneLabel, todoLabel);
        return labelled.Contains("<table>", StringComparison.Ordinal)
            ? labelled.Replace("<table>", "<table tabindex=\"0\">", StringComparison.Ordinal)
            : labelled;
    }
}
