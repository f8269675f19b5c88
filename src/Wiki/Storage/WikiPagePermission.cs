namespace GatewayPortal.Wiki.Storage;

/// <summary>
/// Grants <see cref="Access"/> to a directory group on one page (<see cref="PageId"/>) or a whole space (<see cref="SpaceKey"/>,
/// with a null PageId). Without any rule of a kind, everyone has that access; page rules of a kind replace the space's rules of that kind.
/// </summary>
public sealed class WikiPagePermission
{
    /// <summary>The rule id.</summary>
    public long Id { get; set; }

    /// <summary>The page the rule applies to, or null for a space-wide rule.</summary>
    public long? PageId { get; set; }

    /// <summary>The space of a space-wide rule; null for a page rule.</summary>
    public string? SpaceKey { get; set; }

    /// <summary>The group name as it appears in the user's group list.</summary>
    public required string Group { get; set; }

    /// <summary>Read or edit.</summary>
    public WikiAccessKind Access { get; set; }
}
