namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>The kind of an <see cref="ApplicationFieldError"/>.</summary>
public enum ApplicationFieldErrorKind
{
    /// <summary>A catalogue rule (<see cref="ApplicationFieldError.Problem"/> says which).</summary>
    Catalogue,

    /// <summary>An allowed group that the directory does not know.</summary>
    UnknownGroup,

    /// <summary>Groups could not be checked (no directory lookup is configured or the directory is down).</summary>
    GroupCheckUnavailable,

    /// <summary>An existing client cannot switch between confidential and public.</summary>
    ClientTypeChanged,

    /// <summary>Secrets are never imported or entered; the portal generates them.</summary>
    SecretNotAccepted,

    /// <summary>A new application's client id is already registered.</summary>
    DuplicateClientId,

    /// <summary>The application to update does not exist.</summary>
    NotFound,
}
