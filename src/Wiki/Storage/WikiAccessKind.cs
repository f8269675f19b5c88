namespace GatewayPortal.Wiki.Storage;

/// <summary>What a <see cref="WikiPagePermission"/> restricts.</summary>
public enum WikiAccessKind
{
    /// <summary>Reading the page (and its history, diffs and blame).</summary>
    Read,

    /// <summary>Editing, reverting and moving the page.</summary>
    Edit,
}
