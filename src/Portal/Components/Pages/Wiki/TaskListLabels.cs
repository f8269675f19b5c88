using System.Text.RegularExpressions;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>
/// Names the read-only checkboxes of Markdown task lists ("- [x] 할 일"), which the renderer emits without a label, so screen
/// readers announce "done"/"to do" (WCAG 4.1.2; axe rule <c>label</c>). Applied per request because the words are localised.
/// </summary>
public static partial class TaskListLabels
{
    /// <summary>Adds an aria-label to every task-list checkbox in <paramref name="html"/> that has none.</summary>
    public static string Apply(string html, string doneLabel, string todoLabel)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains("type=\"checkbox\"", StringComparison.Ordinal))
        {
            return html;
        }

        return Checkbox().Replace(html, match =>
        {
            var attributes = match.Groups["attributes"].Value;
            if (attributes.Contains("aria-label", StringComparison.Ordinal))
            {
                return match.Value;
            }

            var label = attributes.Contains("checked", StringComparison.Ordinal) ? doneLabel : todoLabel;
            return "<input" + attributes + " aria-label=\"" + System.Net.WebUtility.HtmlEncode(label) + "\">";
        });
    }

    [GeneratedRegex("<input(?<attributes>[^>]*type=\"checkbox\"[^>]*?)\\s*/?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Checkbox();
}
