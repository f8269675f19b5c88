namespace GatewayPortal.Identity.SignIn;

/// <summary>What the sign-in form should do next.</summary>
public enum PasswordSignInStatus
{
    /// <summary>Issue the session.</summary>
    SignedIn,

    /// <summary>Ask for the second factor (or its enrolment) before issuing the session.</summary>
    SecondFactorRequired,

    /// <summary>Show the generic "login or password is wrong" message.</summary>
    Failed,

    /// <summary>Show when to try again.</summary>
    LockedOut,

    /// <summary>Show "directory unavailable" with HTTP 503.</summary>
    DirectoryUnavailable,
}
