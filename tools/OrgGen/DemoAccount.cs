namespace GatewayPortal.Tools.OrgGen;

/// <summary>A fixed person that every generated directory contains, for demos and tests.</summary>
/// <param name="Uid">The login name.</param>
/// <param name="Password">The password.</param>
/// <param name="DisplayName">The Korean name.</param>
/// <param name="EmployeeNumber">The fixed employee number.</param>
/// <param name="Role">What the account demonstrates.</param>
/// <param name="IsDisabled">True when the account is disabled (퇴직).</param>
public sealed record DemoAccount(string Uid, string Password, string DisplayName, string EmployeeNumber, string Role, bool IsDisabled = false)
{
    /// <summary>The person's mail address.</summary>
    public string Email => Uid + "@" + CityHall.MailDomain;

    /// <summary>The person's DN.</summary>
    public string DistinguishedName => CityHall.PersonDn(Uid);
}
