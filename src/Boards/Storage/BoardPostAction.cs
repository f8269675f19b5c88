namespace GatewayPortal.Boards.Storage;

/// <summary>The kind of change a revision records.</summary>
public enum BoardPostAction
{
    /// <summary>The post was written.</summary>
    Created = 0,

    /// <summary>The post was edited.</summary>
    Edited = 1,

    /// <summary>The post was deleted.</summary>
    Deleted = 2,
}
