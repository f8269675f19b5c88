namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>Claim names from the portal's contract, plus the sample's own server-side session id.</summary>
public static class LobClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string PreferredUsername = "preferred_username";
    public const string Email = "email";
    public const string Department = "department";
    public const string Title = "title";
    public const string EmployeeNumber = "employee_number";
    public const string Groups = "groups";
    public const string SessionId = "sid";

    /// <summary>Our own per-sign-in id, stored in the cookie and looked up in <c>LocalSessionRegistry</c>.</summary>
    public const string LocalSessionId = "lob_session_id";
}
