using System.DirectoryServices.Protocols;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

public sealed class LdapDirectoryChangeTests(SlapdFixture fixture)
{
    [Fact]
    public async Task AuthenticateAsync_AfterRename_SubjectIdIsStable()
    {
        // Arrange
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (oldUid, newUid) = ("rename." + suffix, "renamed." + suffix);
        using var root = RootConnection.Open(fixture.Server);
        RootConnection.AddPerson(root, oldUid, "Rename!2026", oldUid + "@cityhall.example");
        await using var host = DirectoryTestHost.Create(fixture);
        try
        {
            var before = await host.Directory.AuthenticateAsync(oldUid, "Rename!2026", TestContext.Current.CancellationToken);

            // Act
            root.SendRequest(new ModifyDNRequest($"uid={oldUid},ou=people,dc=cityhall,dc=example", "ou=people,dc=cityhall,dc=example", "uid=" + newUid));
            var after = await host.Directory.AuthenticateAsync(newUid, "Rename!2026", TestContext.Current.CancellationToken);
            var bySubject = await host.Directory.FindUserBySubjectAsync(before.User!.SubjectId, TestContext.Current.CancellationToken);
            var oldLogin = await host.Directory.AuthenticateAsync(oldUid, "Rename!2026", TestContext.Current.CancellationToken);

            // Assert
            Assert.True(before.Succeeded);
            Assert.True(after.Succeeded);
            Assert.Equal(before.User.SubjectId, after.User!.SubjectId);
            Assert.Equal(newUid, bySubject!.Username);
            Assert.Equal(DirectoryAuthenticationStatus.UnknownUser, oldLogin.Status);
        }
        finally
        {
            RootConnection.Delete(root, $"uid={oldUid},ou=people,dc=cityhall,dc=example");
            RootConnection.Delete(root, $"uid={newUid},ou=people,dc=cityhall,dc=example");
        }
    }

    [Fact]
    public async Task AuthenticateAsync_LoginMatchingTwoEntries_IsAmbiguous()
    {
        // Arrange
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var mail = "shared." + suffix + "@cityhall.example";
        using var root = RootConnection.Open(fixture.Server);
        RootConnection.AddPerson(root, "twin1." + suffix, "Twin!2026", mail);
        RootConnection.AddPerson(root, "twin2." + suffix, "Twin!2026", mail);
        await using var host = DirectoryTestHost.Create(fixture);
        try
        {
            // Act
            var result = await host.Directory.AuthenticateAsync(mail, "Twin!2026", TestContext.Current.CancellationToken);
            var found = await host.Directory.FindUserAsync(mail, TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(DirectoryAuthenticationStatus.AmbiguousLogin, result.Status);
            Assert.Null(found);
        }
        finally
        {
            RootConnection.Delete(root, $"uid=twin1.{suffix},ou=people,dc=cityhall,dc=example");
            RootConnection.Delete(root, $"uid=twin2.{suffix},ou=people,dc=cityhall,dc=example");
        }
    }
}
