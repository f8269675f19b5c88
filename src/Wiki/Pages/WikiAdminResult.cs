namespace GatewayPortal.Wiki.Pages;

/// <summary>The outcome of a move, delete, restore or protection change.</summary>
public enum WikiAdminResult
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>No such page (or not visible to the actor).</summary>
    NotFound,

    /// <summary>The actor lacks the right (administrators only, or no edit access).</summary>
    Forbidden,

    /// <summary>The page is protected and the actor is not an administrator.</summary>
    Protected,

    /// <summary>The new title is invalid.</summary>
    InvalidTitle,

    /// <summary>A page (possibly deleted) already has the new title.</summary>
    TargetExists,

    /// <summary>The page is not in the state the action needs (e.g. restoring a live page).</summary>
    NoChange,

    /// <summary>A group list was malformed (empty name, too long, too many).</summary>
    InvalidGroups,
}
