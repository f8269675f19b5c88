using System.DirectoryServices.Protocols;
using System.Net;
using GatewayPortal.Testing;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>An S.DS.P connection bound as the root DN, for tests that change the directory.</summary>
internal static class RootConnection
{
    public static LdapConnection Open(SlapdServer server)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier("127.0.0.1", server.Port)) { AuthType = AuthType.Basic };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.Bind(new NetworkCredential(SlapdServer.RootDn, SlapdServer.RootPassword));
        return connection;
    }

    public static void AddPerson(LdapConnection connection, string uid, string password, string mail)
    {
        connection.SendRequest(new AddRequest(
            $"uid={uid},ou=people,dc=cityhall,dc=example",
            new DirectoryAttribute("objectClass", "inetOrgPerson"),
            new DirectoryAttribute("uid", uid),
            new DirectoryAttribute("cn", "테스트"),
            new DirectoryAttribute("sn", "테"),
            new DirectoryAttribute("mail", mail),
            new DirectoryAttribute("employeeType", "재직"),
            new DirectoryAttribute("userPassword", password)));
    }

    public static void Delete(LdapConnection connection, string dn)
    {
        try
        {
            connection.SendRequest(new DeleteRequest(dn));
        }
        catch (DirectoryOperationException)
        {
        }
    }
}
