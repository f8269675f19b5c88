namespace GatewayPortal.Identity.Directory;

/// <summary>Why a password check succeeded or failed. Shown to users only as one generic message.</summary>
public enum DirectoryAuthenticationStatus
{
    /// <summary>Password verified and account enabled.</summary>
    Succeeded,

    /// <summary>No person matches the login.</summary>
    UnknownUser,

    /// <summary>The person exists but the password is wrong (or empty).</summary>
    InvalidPassword,

    /// <summary>The person matches the disabled-account filter; the password is not tried.</summary>
    AccountDisabled,

    /// <summary>The login matched more than one entry; refused rather than guessed.</summary>
    AmbiguousLogin,
}
