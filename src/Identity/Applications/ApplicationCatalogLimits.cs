namespace GatewayPortal.Identity.Applications;

/// <summary>Column lengths shared by the model and the catalogue file's validation.</summary>
public static class ApplicationCatalogLimits
{
    /// <summary>The longest name, in either language.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest description or maintenance notice, in either language.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>The longest launch or logout URI.</summary>
    public const int MaxUriLength = 2000;
}
