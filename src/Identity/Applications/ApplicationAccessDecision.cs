namespace GatewayPortal.Identity.Applications;

/// <summary>Whether a person may use an application, and if not, why.</summary>
public enum ApplicationAccessDecision
{
    /// <summary>The person may sign in.</summary>
    Allowed,

    /// <summary>The application is limited to groups the person is not in.</summary>
    NotInAllowedGroups,

    /// <summary>The person would be allowed, but the application is under maintenance.</summary>
    Maintenance,

    /// <summary>The application is withdrawn.</summary>
    Retired,
}
