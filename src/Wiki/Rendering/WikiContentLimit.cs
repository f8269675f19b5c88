namespace GatewayPortal.Wiki.Rendering;

/// <summary>Which of the <see cref="WikiContentLimits"/> a page exceeds.</summary>
public enum WikiContentLimit
{
    /// <summary>Markdown structure (quotes, lists, emphasis, brackets) nested deeper than the parser allows.</summary>
    MarkdownNesting,

    /// <summary>Raw HTML elements open at once (<see cref="WikiContentLimits.MaxHtmlNesting"/>).</summary>
    HtmlNesting,

    /// <summary>Unclosed HTML formatting tags (such as <c>&lt;b&gt;</c>) carried over paragraphs (<see cref="WikiContentLimits.MaxUnclosedFormatting"/>).</summary>
    UnclosedFormatting,

    /// <summary>Raw HTML start tags (<see cref="WikiContentLimits.MaxRawHtmlTags"/>).</summary>
    RawHtmlTags,

    /// <summary>Raw HTML URL attributes such as <c>href</c> and <c>src</c> (<see cref="WikiContentLimits.MaxRawHtmlUrls"/>).</summary>
    RawHtmlUrls,

    /// <summary>Characters in the parts of a page that hold raw HTML and so are sanitised (<see cref="WikiContentLimits.MaxRawHtmlText"/>).</summary>
    RawHtmlText,

    /// <summary>Characters scanned after unclosed link brackets <c>](</c> and HTML openers <c>&lt;?</c>, <c>&lt;!</c> (<see cref="WikiContentLimits.MaxUnclosedScan"/>).</summary>
    UnclosedLinks,

    /// <summary>Unclosed emphasis marks <c>*</c> <c>_</c> and brackets <c>[</c> within paragraphs (<see cref="WikiContentLimits.MaxUnclosedEmphasis"/>).</summary>
    UnclosedEmphasis,

    /// <summary>Emphasis marks inside large tables (<see cref="WikiContentLimits.MaxTableEmphasis"/>).</summary>
    TableEmphasis,

    /// <summary>A run of backticks longer than <see cref="WikiContentLimits.MaxBacktickRun"/>.</summary>
    BacktickRun,

    /// <summary>More <c>[TOC]</c> markers than <see cref="WikiContentLimits.MaxTocMarkers"/>.</summary>
    TocMarkers,

    /// <summary>More link reference definitions (<c>[x]: url</c>) than <see cref="WikiContentLimits.MaxReferenceDefinitions"/>.</summary>
    ReferenceDefinitions,

    /// <summary>More table cells than <see cref="WikiContentLimits.MaxTableCells"/>.</summary>
    TableCells,
}
