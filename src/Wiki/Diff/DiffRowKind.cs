namespace GatewayPortal.Wiki.Diff;

/// <summary>What a diff row shows.</summary>
public enum DiffRowKind
{
    /// <summary>An unchanged line shown for context.</summary>
    Context,

    /// <summary>A line only in the old text.</summary>
    Deleted,

    /// <summary>A line only in the new text.</summary>
    Inserted,

    /// <summary>A changed line: old and new sides with word-level segments.</summary>
    Modified,

    /// <summary>A marker standing for unchanged lines that are not shown.</summary>
    Collapsed,
}
