namespace GatewayPortal.Boards.Storage;

/// <summary>What a directory group may do on a board.</summary>
public enum BoardGroupRole
{
    /// <summary>May read (no reader groups: everyone may read).</summary>
    Reader = 0,

    /// <summary>May post.</summary>
    Poster = 1,

    /// <summary>May post, and edit or delete anyone's post.</summary>
    Manager = 2,
}
