using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.Operations;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// Rotating the Data Protection key-encryption certificate: certificate 2 encrypts, certificate 1 still decrypts until
/// <c>keys dataprotection-rotate</c> has re-encrypted every key; then certificate 1 can go and no session ends.
/// </summary>
public sealed class KeyEncryptionRotationTests(SlapdFixture directory) : IDisposable
{
    private const string Password = "Pfx!2026";
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task CertificateRotated_OldSessionsStayValid_NewKeysUseTheNewCertificate_OldOneCanBeRetired()
    {
        // Arrange: a session whose cookie is protected by a key that certificate 1 encrypts.
        var cancellationToken = TestContext.Current.CancellationToken;
        var (pfx1, thumbprint1) = await CertificateAsync("one", DateTimeOffset.UtcNow.AddDays(365));
        var (pfx2, thumbprint2) = await CertificateAsync("two", DateTimeOffset.UtcNow.AddDays(730));
        var database = $"Data Source={_scratch.File("portal.db")}";
        string cookie;
        await using (var first = Node(database, pfx1))
        {
            using var person = first.CreatePortalClient();
            var signIn = await person.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);
            Assert.True(PortalClient.RedirectsTo(signIn, "/"), signIn.StatusCode.ToString());
            cookie = PortalClient.SessionCookie(signIn);
            Assert.All(await KeyThumbprintsAsync(first), t => Assert.Equal(thumbprint1, t));
        }

        // Act 1: certificate 2 current, certificate 1 previous.
        HttpStatusCode meWithBoth;
        (int Exit, string Out, string Error) listBefore, rotate, listAfter;
        List<string?> thumbprintsAfter;
        await using (var second = Node(database, pfx2, pfx1))
        {
            using var me = await second.GetWithCookieAsync("/me", cookie);
            meWithBoth = me.StatusCode;
            var keys = second.Services.GetServices<IPortalCommand>().Single(c => c.Name == "keys");
            listBefore = await RunAsync(keys, second, "list", "dataprotection");
            rotate = await RunAsync(keys, second, "dataprotection-rotate");
            listAfter = await RunAsync(keys, second, "list", "dataprotection");
            thumbprintsAfter = await KeyThumbprintsAsync(second);
        }

        // Act 2: certificate 1 retired.
        await using var third = Node(database, pfx2);
        using var meWithNewOnly = await third.GetWithCookieAsync("/me", cookie);
        using var person2 = third.CreatePortalClient("192.0.2.12");
        var signInAfter = await person2.SignInAsync(DemoAccounts.LeeJiyoung.Uid, DemoAccounts.Password);

        // Assert
        Assert.Equal(HttpStatusCode.OK, meWithBoth);
        Assert.Equal(PortalCommandExit.Ok, listBefore.Exit);
        Assert.Contains($"\t{thumbprint1}\tprevious", listBefore.Out, StringComparison.Ordinal);
        Assert.Contains(thumbprint1, listBefore.Error, StringComparison.Ordinal);
        Assert.True(rotate.Exit == PortalCommandExit.Ok, rotate.Error);
        Assert.Contains($"\t{thumbprint2}", rotate.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("previous", listAfter.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, listAfter.Error);
        Assert.True(thumbprintsAfter.Count >= 2, "a new key was created");
        Assert.All(thumbprintsAfter, t => Assert.Equal(thumbprint2, t));
        Assert.Equal(HttpStatusCode.OK, meWithNewOnly.StatusCode);
        Assert.True(PortalClient.RedirectsTo(signInAfter, "/"), signInAfter.StatusCode.ToString());
    }

    [Fact]
    public async Task PreviousCertificateWrongPassword_StopsStartNamingTheSettingNotThePassword()
    {
        // Arrange
        var (pfx1, _) = await CertificateAsync("one", DateTimeOffset.UtcNow.AddDays(365));
        var (pfx2, _) = await CertificateAsync("two", DateTimeOffset.UtcNow.AddDays(365));
        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?>
        {
            ["DataProtection:KeyEncryptionCertificate"] = pfx2,
            ["DataProtection:KeyEncryptionCertificatePassword"] = Password,
            ["DataProtection:PreviousKeyEncryptionCertificates:0:Path"] = pfx1,
            ["DataProtection:PreviousKeyEncryptionCertificates:0:Password"] = "Wrong-Secret-77",
        });

        // Act
        var error = Record.Exception(() => portal.CreateClient());

        // Assert
        Assert.NotNull(error);
        Assert.Contains("DataProtection:PreviousKeyEncryptionCertificates:0:Password", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Secret-77", error.ToString(), StringComparison.Ordinal);
    }

    private PortalApplicationFactory Node(string database, string current, string? previous = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database,
            ["DataProtection:KeyEncryptionCertificate"] = current,
            ["DataProtection:KeyEncryptionCertificatePassword"] = Password,
        };
        if (previous is not null)
        {
            settings["DataProtection:PreviousKeyEncryptionCertificates:0:Path"] = previous;
            settings["DataProtection:PreviousKeyEncryptionCertificates:0:Password"] = Password;
        }

        return new PortalApplicationFactory(directory, settings);
    }

    private async Task<(string Path, string Thumbprint)> CertificateAsync(string name, DateTimeOffset notAfter)
    {
        var path = _scratch.File(name + ".pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=GatewayPortal key encryption {name} (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, Password), TestContext.Current.CancellationToken);
        return (path, certificate.Thumbprint);
    }

    private static async Task<List<string?>> KeyThumbprintsAsync(PortalApplicationFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var xml = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);
        return xml.Select(x => XElement.Parse(x!)).Where(e => e.Name.LocalName == "key").Select(KeysCommand.EncryptingThumbprint).ToList();
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(IPortalCommand command, PortalApplicationFactory node, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command.RunAsync(new PortalCommandContext(node.Services, arguments, output, error), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
