using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>Reads rendered page HTML the way a browser would, for comparing and for checking it is inert.</summary>
internal static partial class RenderedHtml
{
    private static readonly string[] s_activeElements = ["script", "iframe", "frame", "object", "embed", "style", "base", "meta", "link", "form"];

    private static readonly string[] s_urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data"];

    private static readonly string[] s_forbiddenSchemes = ["javascript:", "vbscript:", "data:"];

    /// <summary>
    /// Parses and re-serialises <paramref name="html"/>, dropping whitespace between tags and a style's trailing semicolon
    /// (HtmlSanitizer re-serialises CSS without it).
    /// </summary>
    public static string Normalise(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("[style]"))
        {
            element.SetAttribute("style", element.GetAttribute("style")!.Trim().TrimEnd(';'));
        }

        return WhitespaceBetweenTags().Replace(document.Body!.InnerHtml, "><").Trim();
    }

    /// <summary>Fails when the parsed HTML has a scripting element, an event handler or a URL with a script or data scheme.</summary>
    public static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, s_activeElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event handler {attribute.Name} in: {html}");
                if (s_urlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    // The URL parser drops tab/CR/LF anywhere and trims C0 controls and spaces.
                    var url = TabOrNewline().Replace(attribute.Value, string.Empty).Trim().Trim('\0').ToLowerInvariant();
                    Assert.DoesNotContain(s_forbiddenSchemes, s => url.StartsWith(s, StringComparison.Ordinal));
                }
            }
        }
    }

    /// <summary>The values of <paramref name="attribute"/> on every element, as the browser decodes them.</summary>
    public static IReadOnlyList<string> AttributeValues(string html, string attribute) =>
        [.. new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html).Body!.QuerySelectorAll("*")
            .Select(e => e.GetAttribute(attribute)).OfType<string>()];

    [GeneratedRegex(@">\s+<")]
    private static partial Regex WhitespaceBetweenTags();

    [GeneratedRegex(@"[\t\r\n]")]
    private static partial Regex TabOrNewline();
}
