namespace GatewayPortal.Identity.SignIn;

/// <summary>Claim types of the portal's session (OIDC names, so tokens can reuse them).</summary>
public static class PortalClaimTypes
{
    /// <summary>The stable subject id (entryUUID).</summary>
    public const string Subject = "sub";

    /// <summary>The display name.</summary>
    public const string Name = "name";

    /// <summary>The login name (uid).</summary>
    public const string PreferredUsername = "preferred_username";

    /// <summary>The e-mail address.</summary>
    public const string Email = "email";

    /// <summary>The department.</summary>
    public const string Department = "department";

    /// <summary>The position (직위).</summary>
    public const string Title = "title";

    /// <summary>The grade (직급).</summary>
    public const string Grade = "grade";

    /// <summary>The employee number.</summary>
    public const string EmployeeNumber = "employee_number";

    /// <summary>The phone number.</summary>
    public const string Phone = "phone_number";

    /// <summary>A directory group's common name; one claim per group. Used as the role claim.</summary>
    public const string Group = "groups";

    /// <summary>Authentication methods used: pwd, otp.</summary>
    public const string AuthenticationMethod = "amr";

    /// <summary>When the person authenticated (Unix seconds).</summary>
    public const string AuthTime = "auth_time";

    /// <summary>The SSO session id.</summary>
    public const string SessionId = "sid";
}
