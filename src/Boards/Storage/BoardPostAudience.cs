namespace GatewayPortal.Boards.Storage;

/// <summary>Narrows who may read a post to members of <see cref="Group"/> (no rows: everyone who may read the board).</summary>
public sealed class BoardPostAudience
{
    /// <summary>The post.</summary>
    public long PostId { get; set; }

    /// <summary>The group name.</summary>
    public required string Group { get; set; }
}
