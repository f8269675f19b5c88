namespace GatewayPortal.Wiki.Access;

/// <summary>Whether an actor may edit a page, and if not, why.</summary>
public enum WikiEditDecision
{
    /// <summary>The actor may edit.</summary>
    Allowed,

    /// <summary>The actor is not in a group allowed to read or edit.</summary>
    Forbidden,

    /// <summary>The page is protected and the actor is not an administrator.</summary>
    Protected,
}
