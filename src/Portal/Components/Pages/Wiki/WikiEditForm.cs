namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>The editor's posted fields.</summary>
public sealed class WikiEditForm
{
    /// <summary>The Markdown text as typed.</summary>
    public string? Text { get; set; }

    /// <summary>The edit summary.</summary>
    public string? Summary { get; set; }

    // No initializer: an unchecked box is not posted and stays false.
    public bool IsMinor { get; set; }

    /// <summary>The revision the editor was opened on (the merge base); empty when creating the page.</summary>
    public long? BaseRevisionId { get; set; }

    /// <summary>Which button was pressed: "save" or "preview".</summary>
    public string? Action { get; set; }
}
