namespace GatewayPortal.Identity.Directory;

/// <summary>The outcome of a password check against the directory.</summary>
public sealed record DirectoryAuthenticationResult(DirectoryAuthenticationStatus Status, DirectoryUser? User)
{
    /// <summary>True when the password was right and the account is enabled.</summary>
    public bool Succeeded => Status == DirectoryAuthenticationStatus.Succeeded;

    /// <summary>A successful check for <paramref name="user"/>.</summary>
    public static DirectoryAuthenticationResult Success(DirectoryUser user) => new(DirectoryAuthenticationStatus.Succeeded, user);

    /// <summary>A failed check; <paramref name="user"/> is set when the login named a real person (without groups: a refusal reads none).</summary>
    public static DirectoryAuthenticationResult Failure(DirectoryAuthenticationStatus status, DirectoryUser? user = null) => new(status, user);
}
