namespace GatewayPortal.Identity.Applications;

/// <summary>Whether a line-of-business system can be used.</summary>
public enum ApplicationStatus
{
    /// <summary>In service.</summary>
    Active,

    /// <summary>Shown in the launcher with a notice; sign-in is refused.</summary>
    Maintenance,

    /// <summary>Withdrawn: hidden and refused.</summary>
    Retired,
}
