using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// The HtmlSanitizer configuration for page HTML: no script, style, iframe, forms or event handlers; URLs only
/// http, https, mailto or relative; class, id and role kept for headings, footnotes, task lists and the TOC.
/// </summary>
internal static class WikiHtmlSanitizer
{
    private static readonly string[] s_removedTags =
        ["form", "button", "textarea", "select", "option", "optgroup", "keygen", "datalist", "menu", "menuitem"];

    private static readonly (string Style, string Alignment)[] s_markdigAlignments =
    [
        (" style=\"text-align: left;\"", " " + SanitizedHtmlWriter.AlignmentAttribute + "=\"left\""),
        (" style=\"text-align: center;\"", " " + SanitizedHtmlWriter.AlignmentAttribute + "=\"center\""),
        (" style=\"text-align: right;\"", " " + SanitizedHtmlWriter.AlignmentAttribute + "=\"right\""),
    ];

    private static readonly string[] s_removedAttributes =
        ["action", "formaction", "contenteditable", "tabindex", "accesskey", "target"];

    /// <summary>
    /// One configured instance for the process (declared after the lists: static initialisers run in textual order).
    /// HtmlSanitizer's Sanitize is thread-safe while its settings are left alone, so nothing may modify this instance.
    /// </summary>
    public static HtmlSanitizer Shared { get; } = Create();

    /// <summary>
    /// Sanitises <paramref name="html"/> with <see cref="Shared"/> and serialises the result with <see cref="SanitizedHtmlWriter"/>
    /// (linear in the number of siblings, where AngleSharp's serialiser is quadratic).
    /// </summary>
    public static string Sanitize(string html, CancellationToken cancellationToken)
    {
        // Markdig's table-cell alignment, as a plain attribute: HtmlSanitizer parses every style attribute with a CSS parser
        // (seconds for a long page of tables; bench/RESULTS.md); the writer turns it back into the same style.
        foreach (var (style, alignment) in s_markdigAlignments)
        {
            html = html.Replace(style, alignment, StringComparison.Ordinal);
        }

        using var document = Shared.SanitizeDom(html);
        cancellationToken.ThrowIfCancellationRequested();
        return document.Body is { } body ? SanitizedHtmlWriter.ChildrenOf(body, html.Length, cancellationToken) : string.Empty;
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedTags.ExceptWith(s_removedTags);
        sanitizer.AllowedAttributes.ExceptWith(s_removedAttributes);
        sanitizer.AllowedAttributes.UnionWith(["class", "id", "role", SanitizedHtmlWriter.AlignmentAttribute]);
        // Only the alignment Markdig writes on table cells: a positioned or painted element could overlay the page if the CSP ever allowed inline styles.
        sanitizer.AllowedCssProperties.IntersectWith(["text-align"]);
        // Task lists need <input>; anything else an author writes becomes an inert, disabled checkbox.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlInputElement input)
            {
                input.SetAttribute("type", "checkbox");
                input.SetAttribute("disabled", "disabled");
                input.RemoveAttribute("name");
                input.RemoveAttribute("value");
            }
        };
        return sanitizer;
    }
}
