using System.DirectoryServices.Protocols;
using System.Net;
using GatewayPortal.Testing;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>Changes the test directory as its administrator would (root DN).</summary>
public static class DirectoryAdmin
{
    /// <summary>Sets a person's employeeType (재직 active; 퇴직/휴직 disabled).</summary>
    public static void SetEmployeeType(SlapdFixture directory, string dn, string value)
    {
        ArgumentNullException.ThrowIfNull(directory);
        using var connection = new LdapConnection(new LdapDirectoryIdentifier("127.0.0.1", directory.Server.Port)) { AuthType = AuthType.Basic };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.Bind(new NetworkCredential(SlapdServer.RootDn, SlapdServer.RootPassword));
        connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Replace, "employeeType", value));
    }
}
