using System.Text.RegularExpressions;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Portal.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Tests.Operations;

public sealed partial class OperatorVerbTests
{
    [Theory]
    [InlineData("sessions")]
    [InlineData("sessions kill kim.minsu")]
    [InlineData("sessions end")]
    [InlineData("sessions end kim.minsu lee.jiyoung")]
    [InlineData("sessions end kim.minsu --issuer")]
    [InlineData("sessions end kim.minsu --issuer ftp://portal")]
    [InlineData("sessions list kim.minsu --issuer https://portal/")]
    [InlineData("catalog")]
    [InlineData("catalog export")]
    [InlineData("catalog export a.json b.json")]
    [InlineData("catalog export a.json --format xml")]
    [InlineData("catalog export a.json --dry-run")]
    [InlineData("catalog import a.json --force")]
    [InlineData("index")]
    [InlineData("index rebuild now")]
    [InlineData("index drop")]
    [InlineData("config")]
    [InlineData("config check --fix")]
    public async Task MalformedArguments_ExitWithTheUsageCodeAndPrintTheUsage(string commandLine)
    {
        // No services at all: a usage error must be found before anything is looked up or changed.
        using var services = new ServiceCollection().AddPortalCommand<SessionsCommand>().AddPortalCommand<CatalogCommand>()
            .AddPortalCommand<IndexCommand>().AddPortalCommand<ConfigCheckCommand>().BuildServiceProvider();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommandLine.Parse(commandLine.Split(' ')).RunAsync(services, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(PortalCommandExit.Usage, exit);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void CatalogImportProblem_NamesFileLineClientAndField()
    {
        var csv = CatalogCommand.Describe("apps.csv", new ApplicationImportError(3, null, "hr-system", new ApplicationFieldError("redirectUris[0]", "must be an absolute URL.")));
        var json = CatalogCommand.Describe("apps.json", new ApplicationImportError(null, 2, null, new ApplicationFieldError("nameKo", "is required.")));
        var file = CatalogCommand.Describe("-", new ApplicationImportError(null, null, null, new ApplicationFieldError("", "the file holds no applications.")));

        Assert.Equal("apps.csv:3 (hr-system) redirectUris[0]: must be an absolute URL.", csv);
        Assert.Equal("apps.json: applications[2] nameKo: is required.", json);
        Assert.Equal("-: the file holds no applications.", file);
    }

    [Fact]
    public void SecretValues_PasswordsSecretsAndConnectionStringPasswords_AreRedacted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:ServiceBindPassword"] = "bind-pw-1",
            ["DataProtection:KeyEncryptionCertificatePassword"] = "pfx-pw-2",
            ["Applications:Seed:Secret"] = "client-secret-3",
            ["Database:ConnectionString"] = "Host=db;Username=portal;Password=pg-pw-4",
            ["Database:Provider"] = "PostgreSql",
        }).Build();

        var secrets = ConfigCheckCommand.SecretValues(configuration);
        var text = ConfigCheckCommand.Redact("bind-pw-1 pfx-pw-2 client-secret-3 Host=db;Username=portal;Password=pg-pw-4 PostgreSql", secrets);

        Assert.DoesNotContain("bind-pw-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pfx-pw-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-pw-4", text, StringComparison.Ordinal);
        Assert.Contains("PostgreSql", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_InvalidOptions_ExitThreeNamingTheKeyAndNotTheValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sample:Port"] = "eighty",
            ["Sample:Password"] = "hunter22",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestEnvironment())
            .AddPortalCommands();
        services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.SectionName)
            .Validate(o => o.Password != "hunter22", "Sample:Password is a well-known password.").ValidateOnStart();
        using var provider = services.BuildServiceProvider();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PortalCommandLine.Parse(["config", "check"]).RunAsync(provider, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(PortalCommandExit.CheckFailed, exit);
        Assert.Contains("Sample:Port: the value cannot be read as Int32.", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eighty", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigCheckComposition_HasEveryServiceLineOfProgramInOrder()
    {
        // config check composes the node itself (so a step that throws is reported); it must not drift from Program.cs.
        var program = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Portal", "Program.cs"));
        var inProgram = ProgramServiceLine().Matches(program).Select(m => m.Groups["name"].Value).ToList();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();

        var inCheck = ConfigCheckCommand.CompositionSteps(builder).Select(s => s.Name).ToList();

        Assert.Equal(inProgram, inCheck);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GatewayPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    [GeneratedRegex(@"^builder\.Services\.(?<name>AddPortal\w+)[<(]", RegexOptions.Multiline)]
    private static partial Regex ProgramServiceLine();

    private sealed class SampleOptions
    {
        public const string SectionName = "Sample";

        public int Port { get; set; }

        public string? Password { get; set; }
    }

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
