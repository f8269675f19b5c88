namespace GatewayPortal.Tools.OrgGen;

/// <summary>Fixed names and secrets of the generated city-hall directory.</summary>
public static class CityHall
{
    /// <summary>The directory suffix.</summary>
    public const string BaseDn = "dc=cityhall,dc=example";

    /// <summary>The mail domain of every person.</summary>
    public const string MailDomain = "cityhall.example";

    /// <summary>The organisation's name (<c>o</c> of the base entry).</summary>
    public const string OrganizationName = "행정시청";

    /// <summary>Where people live (flat).</summary>
    public const string PeopleDn = "ou=people," + BaseDn;

    /// <summary>The root of the organisation's <c>ou</c> tree (departments and teams).</summary>
    public const string OrganizationDn = "ou=organization," + BaseDn;

    /// <summary>Where groups live.</summary>
    public const string GroupsDn = "ou=groups," + BaseDn;

    /// <summary>Where service accounts live.</summary>
    public const string ServicesDn = "ou=services," + BaseDn;

    /// <summary>The portal's search (service) account.</summary>
    public const string ServiceBindDn = "cn=portal-service," + ServicesDn;

    /// <summary>The service account's password.</summary>
    public const string ServiceBindPassword = "ServiceBind!2026";

    /// <summary>The password of every generated (non-demo) person, so load tests can sign in as anyone.</summary>
    public const string GeneratedUserPassword = "Portal!2026";

    /// <summary>The DN of a person with this uid.</summary>
    public static string PersonDn(string uid) => "uid=" + uid + "," + PeopleDn;

    /// <summary>The DN of a group with this common name.</summary>
    public static string GroupDn(string cn) => "cn=" + cn + "," + GroupsDn;
}
