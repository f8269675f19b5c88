namespace GatewayPortal.Wiki;

/// <summary>Wiki settings bound from the <c>Wiki</c> configuration section.</summary>
public sealed class WikiOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Wiki";

    /// <summary>The path prefix of page URLs; the percent-encoded slug is appended. Default <c>/wiki/</c>.</summary>
    public string PageBasePath { get; set; } = "/wiki/";

    /// <summary>The query appended to links to missing pages so they open the editor. Default <c>?action=edit</c>.</summary>
    public string CreatePageQuery { get; set; } = "?action=edit";

    /// <summary>The summary of a revert; {0} is the restored version number within the page, {1} its author's name.</summary>
    public string RevertSummaryFormat { get; set; } = "{1} 님의 버전 {0}(으)로 되돌림";

    /// <summary>Appended to the summary of an edit that was merged with a concurrent one.</summary>
    public string MergedSummarySuffix { get; set; } = " (동시 편집 자동 병합)";

    /// <summary>The summary of a move; {0} is the old title, {1} the new one.</summary>
    public string MoveSummaryFormat { get; set; } = "{0} 문서를 {1} 문서로 이동";

    /// <summary>The most pages one person may watch (the ☆ on a page). Default 1,000; pages a person edited do not count.</summary>
    public int MaxWatchedPages { get; set; } = 1000;
}
