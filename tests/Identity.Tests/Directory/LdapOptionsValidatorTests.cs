using GatewayPortal.Identity.Directory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Tests.Directory;

public sealed class LdapOptionsValidatorTests
{
    private static LdapOptions ValidOptions() => new()
    {
        Servers = ["ldap://127.0.0.1:389/", "ldaps://ldap2.cityhall.example/"],
        BaseDn = "dc=cityhall,dc=example",
        ServiceBindDn = "cn=portal-service,ou=services,dc=cityhall,dc=example",
        ServiceBindPassword = "secret",
    };

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        // Arrange
        var validator = new LdapOptionsValidator();

        // Act
        var result = validator.Validate(null, ValidOptions());

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public static TheoryData<string, Action<LdapOptions>> BadOptions => new()
    {
        { "Directory:Servers:0", o => o.Servers = ["http://ldap.example/"] },
        { "Directory:Servers:1", o => o.Servers = ["ldap://ok.example/", "not a url"] },
        { "Directory:Servers must list", o => o.Servers = [] },
        { "Directory:Servers:1 is ldaps:// but Directory:UseStartTls", o => o.UseStartTls = true },
        { "Directory:BaseDn", o => o.BaseDn = "" },
        { "Directory:BaseDn", o => o.BaseDn = "cityhall" },
        { "Directory:ServiceBindDn", o => o.ServiceBindDn = " " },
        { "Directory:ServiceBindPassword", o => o.ServiceBindPassword = "" },
        { "Directory:ConnectTimeout", o => o.ConnectTimeout = TimeSpan.Zero },
        { "Directory:OperationTimeout", o => o.OperationTimeout = TimeSpan.FromSeconds(-1) },
        { "Directory:ServerRetryAfter", o => o.ServerRetryAfter = TimeSpan.FromSeconds(-1) },
        { "Directory:UserObjectFilter", o => o.UserObjectFilter = "objectClass=inetOrgPerson" },
        { "Directory:UserObjectFilter", o => o.UserObjectFilter = "(a=1)(b=2)" },
        { "Directory:DisabledAccountFilter", o => o.DisabledAccountFilter = "(|(employeeType=퇴직)" },
        { "Directory:LoginAttributes:0", o => o.LoginAttributes = ["uid)(x"] },
        { "Directory:TrustedCertificatesDirectory", o => o.TrustedCertificatesDirectory = "/nonexistent/gatewayportal-ca" },
        { "Directory:OrgChartSearchBase", o => o.OrgChartSearchBase = "organization" },
        { "Directory:OrgChartUnitFilter", o => o.OrgChartUnitFilter = "objectClass=organizationalUnit" },
        { "Directory:OrgChartCodeAttribute", o => o.OrgChartCodeAttribute = "ou)(x" },
        { "Directory:OrgChartNameAttribute", o => o.OrgChartNameAttribute = "" },
        { "Directory:PersonDepartmentAttribute", o => o.PersonDepartmentAttribute = "department number" },
        { "Directory:OrgChartRefreshInterval", o => o.OrgChartRefreshInterval = TimeSpan.Zero },
        { "Directory:OrgChartFirstLoadWait", o => o.OrgChartFirstLoadWait = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadValue_FailsNamingTheKey(string expectedKey, Action<LdapOptions> spoil)
    {
        // Arrange
        var validator = new LdapOptionsValidator();
        var options = ValidOptions();
        spoil(options);

        // Act
        var result = validator.Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(expectedKey, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPortalDirectory_MissingBaseDn_FailsAtStartupNamingTheKey()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:Servers:0"] = "ldap://127.0.0.1:389/",
            ["Directory:ServiceBindDn"] = "cn=svc,dc=example",
            ["Directory:ServiceBindPassword"] = "secret",
            ["Directory:ConnectTimeout"] = "00:00:00",
        }).Build();
        using var provider = new ServiceCollection().AddPortalDirectory(configuration).BuildServiceProvider();

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LdapOptions>>().Value);

        // Assert
        Assert.Contains("Directory:BaseDn", error.Message, StringComparison.Ordinal);
        Assert.Contains("Directory:ConnectTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPortalDirectory_CalledTwice_BindsServersOnce()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:Servers:0"] = "ldap://127.0.0.1:389/",
            ["Directory:BaseDn"] = "dc=example",
            ["Directory:ServiceBindDn"] = "cn=svc,dc=example",
            ["Directory:ServiceBindPassword"] = "secret",
        }).Build();
        var services = new ServiceCollection();

        // Act
        services.AddPortalDirectory(configuration).AddPortalDirectory(configuration);
        using var provider = services.BuildServiceProvider();

        // Assert
        var options = provider.GetRequiredService<IOptions<LdapOptions>>().Value;
        Assert.Single(options.Servers);
        Assert.Equal(["uid", "mail", "employeeNumber"], options.EffectiveLoginAttributes);
        Assert.Single(services, d => d.ServiceType == typeof(IDirectoryService));
    }
}
