namespace GatewayPortal.Identity.Audit;

/// <summary>What happened in one sign-in step, as kept in the audit log.</summary>
public enum SignInOutcome
{
    /// <summary>The person is signed in.</summary>
    Succeeded,

    /// <summary>The password was not accepted (reason says why; users see one generic message).</summary>
    Failed,

    /// <summary>Refused without asking the directory: the account or client is throttled.</summary>
    LockedOut,

    /// <summary>No directory server answered.</summary>
    DirectoryUnavailable,

    /// <summary>The password was right; a second factor is now asked for.</summary>
    SecondFactorRequired,

    /// <summary>The second factor was wrong.</summary>
    SecondFactorFailed,

    /// <summary>A second factor was enrolled.</summary>
    SecondFactorEnrolled,

    /// <summary>The person signed out.</summary>
    SignedOut,

    /// <summary>The session signed into an application (reason: its client id).</summary>
    ApplicationSignIn,

    /// <summary>The person was refused an application (outside its groups, or it is in maintenance or retired).</summary>
    ApplicationAccessDenied,

    /// <summary>An application could not be told that a session ended (back-channel logout failed after retries).</summary>
    ApplicationLogoutFailed,
}
