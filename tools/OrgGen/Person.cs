namespace GatewayPortal.Tools.OrgGen;

/// <summary>A generated person (an <c>inetOrgPerson</c> under <c>ou=people</c>).</summary>
/// <param name="Uid">Unique login name (ASCII).</param>
/// <param name="Surname">Family name (<c>sn</c>).</param>
/// <param name="GivenName">Given name.</param>
/// <param name="EmployeeNumber">Unique 8-digit employee number.</param>
/// <param name="Phone">Office telephone number.</param>
/// <param name="Title">Position (직위): 주무관, 팀장, 과장, 국장 …</param>
/// <param name="Grade">Grade (직급), e.g. 지방행정주사(6급).</param>
/// <param name="Team">The person's team.</param>
/// <param name="EmployeeType">재직, 휴직 or 퇴직.</param>
/// <param name="Password">The clear-text password (never written to LDIF).</param>
/// <param name="PasswordHash">The <c>{SSHA}</c> hash written as <c>userPassword</c>.</param>
public sealed record Person(
    string Uid,
    string Surname,
    string GivenName,
    string EmployeeNumber,
    string Phone,
    string Title,
    string Grade,
    Team Team,
    string EmployeeType,
    string Password,
    string PasswordHash)
{
    /// <summary>The full Korean name (<c>cn</c>, <c>displayName</c>).</summary>
    public string FullName => Surname + GivenName;

    /// <summary>The person's mail address.</summary>
    public string Email => Uid + "@" + CityHall.MailDomain;

    /// <summary>The person's DN.</summary>
    public string DistinguishedName => CityHall.PersonDn(Uid);

    /// <summary>True when the person is on leave or retired.</summary>
    public bool IsDisabled => EmployeeType != EmployeeTypes.Active;
}
