using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>Secrets given as files (<c>X__FILE</c> environment variables) to the real portal process, as systemd and the kit do.</summary>
public sealed class SecretFileSettingsTests(SlapdFixture directory)
{
    [Fact]
    public async Task RealProcess_BindPasswordAndConnectionStringFromFiles_PeopleSignIn()
    {
        // Arrange: the directory's service password and the database connection string only in files.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var scratch = new ScratchDirectory();
        var bindPassword = Path.Combine(scratch.Path, "bind-password");
        var connection = Path.Combine(scratch.Path, "db");
        await File.WriteAllTextAsync(bindPassword, CityHall.ServiceBindPassword + "\n", cancellationToken);
        await File.WriteAllTextAsync(connection, $"Data Source={Path.Combine(scratch.Path, "portal.db")}\n", cancellationToken);
        var settings = PortalProcess.DefaultSettings(directory);
        settings.Remove("Directory:ServiceBindPassword");
        settings["Directory:ServiceBindPassword:FILE"] = bindPassword;
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString:FILE"] = connection;
        settings["Search:IndexPath"] = Path.Combine(scratch.Path, "search");

        // Act
        await using var portal = await PortalProcess.StartAsync("secrets", settings, cancellationToken);
        using var person = portal.CreatePortalClient();
        var signIn = await person.SignInAsync(DemoAccounts.KimMinsu.Uid, DemoAccounts.Password);

        // Assert
        Assert.True(PortalClient.RedirectsTo(signIn, "/"), $"{signIn.StatusCode}\n{portal}");
        Assert.True(File.Exists(Path.Combine(scratch.Path, "portal.db")), "the connection string from the file was used");
        Assert.DoesNotContain(CityHall.ServiceBindPassword, portal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_SecretFileMissing_ExitsOneNamingKeyAndPathWithoutAStackTrace()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var settings = PortalProcess.DefaultSettings(directory);
        settings.Remove("Directory:ServiceBindPassword");
        settings["Directory:ServiceBindPassword:FILE"] = "/nonexistent/gatewayportal/bind-password";

        // Act
        var (exit, _, error) = await PortalCommandProcess.RunAsync([], settings, cancellationToken, TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("Directory:ServiceBindPassword:FILE", error, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/gatewayportal/bind-password", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
