namespace GatewayPortal.Wiki.Rendering;

/// <summary>How wiki links are turned into URLs.</summary>
public sealed class WikiRenderOptions
{
    /// <summary>The path prefix of page URLs; the percent-encoded slug is appended. Default <c>/wiki/</c>.</summary>
    public string PageBasePath { get; set; } = "/wiki/";

    /// <summary>The query appended to links to missing pages so they open the editor. Default <c>?action=edit</c>.</summary>
    public string CreatePageQuery { get; set; } = "?action=edit";
}
