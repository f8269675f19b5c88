using System.Text;

namespace GatewayPortal.Tools.OrgGen;

/// <summary>Writes an <see cref="Organization"/> as LDIF (RFC 2849) in the order <c>ldapadd</c> needs.</summary>
public static class LdifWriter
{
    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the whole directory: base, organisational units, service account, the ou tree, people, groups.</summary>
    public static void Write(Organization organization, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(writer);
        var salt = new byte[8];
        new Random(organization.Seed).NextBytes(salt);
        var ldif = new LdifEntryWriter(writer);

        ldif.Entry(CityHall.BaseDn, ("objectClass", "top"), ("objectClass", "dcObject"), ("objectClass", "organization"),
            ("dc", "cityhall"), ("o", CityHall.OrganizationName));
        ldif.Entry(CityHall.PeopleDn, ("objectClass", "organizationalUnit"), ("ou", "people"), ("description", "직원"));
        ldif.Entry(CityHall.GroupsDn, ("objectClass", "organizationalUnit"), ("ou", "groups"), ("description", "그룹"));
        ldif.Entry(CityHall.ServicesDn, ("objectClass", "organizationalUnit"), ("ou", "services"), ("description", "서비스 계정"));
        ldif.Entry(CityHall.ServiceBindDn, ("objectClass", "organizationalRole"), ("objectClass", "simpleSecurityObject"),
            ("cn", "portal-service"), ("description", "통합 포털 서비스 계정"),
            ("userPassword", SshaPassword.Hash(CityHall.ServiceBindPassword, salt)));

        ldif.Entry(CityHall.OrganizationDn, ("objectClass", "organizationalUnit"), ("ou", "organization"), ("description", "조직도"));
        foreach (var unit in organization.Units)
        {
            ldif.Entry(unit.DistinguishedName,
                [("objectClass", "organizationalUnit"), ("ou", unit.Code), ("description", unit.Name),
                    .. unit.Phone is { } phone ? [("telephoneNumber", phone)] : Array.Empty<(string, string)>()]);
        }

        foreach (var person in organization.People)
        {
            ldif.Entry(person.DistinguishedName,
                ("objectClass", "top"), ("objectClass", "person"), ("objectClass", "organizationalPerson"), ("objectClass", "inetOrgPerson"),
                ("uid", person.Uid), ("cn", person.FullName), ("sn", person.Surname), ("givenName", person.GivenName),
                ("displayName", person.FullName), ("mail", person.Email), ("telephoneNumber", person.Phone),
                ("employeeNumber", person.EmployeeNumber), ("employeeType", person.EmployeeType), ("title", person.Title),
                ("businessCategory", person.Grade), ("ou", person.Team.FullName), ("departmentNumber", person.Team.Code),
                ("preferredLanguage", "ko"), ("userPassword", person.PasswordHash));
        }

        foreach (var group in organization.Groups)
        {
            ldif.Entry(group.DistinguishedName,
                [("objectClass", "groupOfNames"), ("cn", group.Name), ("description", group.Description), .. group.Members.Select(m => ("member", m))]);
        }
    }

    /// <summary>The LDIF as a string.</summary>
    public static string ToLdif(Organization organization)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(organization, writer);
        return writer.ToString();
    }

    /// <summary>Writes the LDIF to a file (UTF-8, no BOM, LF line ends).</summary>
    public static void WriteFile(Organization organization, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, Encoding) { NewLine = "\n" };
        Write(organization, writer);
    }
}
