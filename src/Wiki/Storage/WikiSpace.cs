namespace GatewayPortal.Wiki.Storage;

/// <summary>A department or project room. Pages refer to it by <see cref="Key"/>; the main space (key "") needs no row.</summary>
public sealed class WikiSpace
{
    /// <summary>The lower-case key used in <c>[[Key:Page]]</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The display name, e.g. 정보통신과.</summary>
    public required string Name { get; set; }

    /// <summary>An optional description.</summary>
    public string? Description { get; set; }

    /// <summary>When the space was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
