namespace GatewayPortal.Boards.Storage;

/// <summary>Grants <see cref="Role"/> on a board to a directory group.</summary>
public sealed class BoardGroup
{
    /// <summary>The board.</summary>
    public long BoardId { get; set; }

    /// <summary>Reader, poster or manager.</summary>
    public BoardGroupRole Role { get; set; }

    /// <summary>The group name as it appears in a person's group list.</summary>
    public required string Group { get; set; }
}
