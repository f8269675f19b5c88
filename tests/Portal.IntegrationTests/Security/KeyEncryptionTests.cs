using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>The Data Protection key ring encrypted at rest with a configured certificate.</summary>
public sealed class KeyEncryptionTests(SlapdFixture directory)
{
    [Fact]
    public async Task KeyRing_WithCertificateConfigured_IsStoredEncryptedAndStillSignsPeopleIn()
    {
        // Arrange
        var pfx = Path.Combine(Path.GetTempPath(), $"gp-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=GatewayPortal key encryption (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "Pfx!2026"), TestContext.Current.CancellationToken);
        }

        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["DataProtection:KeyEncryptionCertificate"] = pfx,
            ["DataProtection:KeyEncryptionCertificatePassword"] = "Pfx!2026",
        });
        try
        {
            using var person = portal.CreatePortalClient();

            // Act
            var signIn = await person.SignInAsync("kim.minsu", DemoAccounts.Password);
            var me = await person.GetAsync("/me");
            await using var scope = portal.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys
                .Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);

            // Assert
            Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
            Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task KeyRing_CertificateFileMissing_StopsStartWithTheSettingsName()
    {
        // Arrange
        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["DataProtection:KeyEncryptionCertificate"] = "/nonexistent/keys.pfx",
        });

        // Act
        var error = Record.Exception(() => portal.CreateClient());

        // Assert
        Assert.NotNull(error);
        Assert.Contains("DataProtection:KeyEncryptionCertificate", error.ToString(), StringComparison.Ordinal);
    }
}
