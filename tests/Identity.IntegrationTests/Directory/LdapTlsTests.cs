using GatewayPortal.Identity.Directory;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Identity.IntegrationTests.Directory;

/// <summary>Encrypted LDAP against the fixture's slapd, which offers StartTLS and LDAPS with its own CA.</summary>
public sealed class LdapTlsTests(SlapdFixture fixture)
{
    [Fact]
    public async Task AuthenticateAsync_StartTlsWithTrustedCa_VerifiesPasswords()
    {
        // Arrange
        await using var host = Create([fixture.Server.Url], startTls: true, fixture.Server.TrustedCertificatesDirectory);
        var cancellationToken = TestContext.Current.CancellationToken;

        // Act
        var right = await host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, cancellationToken);
        var wrong = await host.Directory.AuthenticateAsync("kim.minsu", "not-the-password", cancellationToken);

        // Assert
        Assert.True(right.Succeeded);
        Assert.NotEmpty(right.User!.Groups);
        Assert.Equal(DirectoryAuthenticationStatus.InvalidPassword, wrong.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_LdapsWithTrustedCa_VerifiesPasswords()
    {
        // Arrange
        await using var host = Create([fixture.Server.LdapsUrl], startTls: false, fixture.Server.TrustedCertificatesDirectory);

        // Act
        var result = await host.Directory.AuthenticateAsync("lee.jiyoung", DemoAccounts.Password, TestContext.Current.CancellationToken);
        var health = await host.Directory.CheckHealthAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(fixture.Server.LdapsUrl, health.Server);
    }

    // If TLS were skipped silently (as S.DS.P once did on Linux), these would sign the person in.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthenticateAsync_CertificateNoTrustedCaVouchesFor_RefusesTheServer(bool startTls)
    {
        // Arrange
        var emptyTrustStore = System.IO.Directory.CreateTempSubdirectory("gatewayportal-no-ca-");
        try
        {
            var url = startTls ? fixture.Server.Url : fixture.Server.LdapsUrl;
            await using var host = Create([url], startTls, emptyTrustStore.FullName);

            // Act
            var error = await Assert.ThrowsAsync<DirectoryUnavailableException>(
                () => host.Directory.AuthenticateAsync("kim.minsu", DemoAccounts.Password, TestContext.Current.CancellationToken));

            // Assert
            Assert.NotNull(error.InnerException);
        }
        finally
        {
            emptyTrustStore.Delete(recursive: true);
        }
    }

    private DirectoryTestHost Create(string[] servers, bool startTls, string trustedCertificates) =>
        DirectoryTestHost.Create(fixture, servers, TimeSpan.FromSeconds(1), values =>
        {
            values["Directory:UseStartTls"] = startTls ? "true" : "false";
            values["Directory:TrustedCertificatesDirectory"] = trustedCertificates;
        });
}
