using GatewayPortal.Portal.Security;
using Microsoft.Extensions.Configuration;

namespace GatewayPortal.Portal.Tests.Security;

public sealed class SecretFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gp-secrets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EnvironmentFileKey_FileContentWithoutTrailingNewline_BecomesTheSetting()
    {
        var path = Write("db", "Host=db;Password=s3cret\n");
        var configuration = Build(new() { ["Database:ConnectionString:FILE"] = path });

        Assert.Equal("Host=db;Password=s3cret", configuration["Database:ConnectionString"]);
    }

    [Fact]
    public void UnderscoreFileKey_FileContentBecomesTheSetting()
    {
        var path = Write("bind", "p@ss word\r\n");
        var configuration = Build(new() { ["Directory:ServiceBindPassword_FILE"] = path });

        Assert.Equal("p@ss word", configuration["Directory:ServiceBindPassword"]);
    }

    [Fact]
    public void OrdinarySettingEndingInFile_IsLeftAlone()
    {
        var configuration = Build(new() { ["Applications:Seed:File"] = "/etc/gatewayportal/applications.json" });

        Assert.Null(configuration["Applications:Seed"]);
        Assert.Equal("/etc/gatewayportal/applications.json", configuration["Applications:Seed:File"]);
    }

    [Theory]
    [InlineData("SSL_CERT_FILE")]
    [InlineData("TF_CLI_CONFIG_FILE")]
    public void OtherProgramsEnvironmentVariableEndingInFile_IsNotASetting(string name)
    {
        var configuration = Build(new() { [name] = "/nonexistent/file" });

        Assert.Equal("/nonexistent/file", configuration[name]);
    }

    [Fact]
    public void CredentialsDirectory_EachFileBecomesTheSettingItIsNamedAfter()
    {
        var credentials = Directory.CreateDirectory(Path.Combine(_folder, "credentials")).FullName;
        File.WriteAllText(Path.Combine(credentials, "Directory__ServiceBindPassword"), "bind-secret\n");
        File.WriteAllText(Path.Combine(credentials, "DataProtection:KeyEncryptionCertificatePassword"), "pfx-secret");

        var configuration = Build([], credentials);

        Assert.Equal("bind-secret", configuration["Directory:ServiceBindPassword"]);
        Assert.Equal("pfx-secret", configuration["DataProtection:KeyEncryptionCertificatePassword"]);
    }

    [Fact]
    public void SameValueDirectlyAndFromFile_IsAccepted()
    {
        var path = Write("same", "value\n");
        var configuration = Build(new() { ["A:B"] = "value", ["A:B:FILE"] = path });

        Assert.Equal("value", configuration["A:B"]);
    }

    [Fact]
    public void DefaultInAppSettingsJson_IsReplacedByTheFileWithoutAConflict()
    {
        var json = Write("appsettings.json", """{ "Database": { "ConnectionString": "Data Source=data/portal.db" } }""");
        var path = Write("db", "Host=db;Password=s3cret\n");
        var builder = new ConfigurationBuilder().AddJsonFile(json).AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString:FILE"] = path });

        var configuration = SecretFiles.Read(builder.Build(), null);

        Assert.Equal("Host=db;Password=s3cret", configuration["Database:ConnectionString"]);
    }

    [Fact]
    public void MissingFile_FailsNamingKeyAndPath()
    {
        var path = Path.Combine(_folder, "absent");

        var error = Assert.Throws<SecretFileException>(() => Build(new() { ["Database:ConnectionString:FILE"] = path }));

        Assert.Contains("Database:ConnectionString:FILE", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_Fails()
    {
        var path = Write("empty", "\n");

        var error = Assert.Throws<SecretFileException>(() => Build(new() { ["X:Y_FILE"] = path }));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("X:Y_FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileLargerThanTheBound_FailsWithoutReadingIt()
    {
        var path = Write("big", new string('x', SecretFiles.MaxBytes + 1));

        var error = Assert.Throws<SecretFileException>(() => Build(new() { ["X:Y_FILE"] = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFile_FailsNamingKeyAndPath()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root reads any file; the mode check means nothing.
        }

        var path = Write("locked", "secret");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var error = Assert.Throws<SecretFileException>(() => Build(new() { ["X:Y_FILE"] = path }));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectValueAndFileDiffer_FailsWithoutPrintingEitherValue()
    {
        var path = Write("db", "from-the-file");

        var error = Assert.Throws<SecretFileException>(() => Build(new() { ["Database:ConnectionString"] = "typed-in", ["Database:ConnectionString:FILE"] = path }));

        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("from-the-file", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("typed-in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialAndFileKeyDiffer_Fails()
    {
        var credentials = Directory.CreateDirectory(Path.Combine(_folder, "credentials")).FullName;
        File.WriteAllText(Path.Combine(credentials, "X__Y"), "one");
        var path = Write("y", "two");

        var error = Assert.Throws<SecretFileException>(() => Build(new() { ["X:Y:FILE"] = path }, credentials));

        Assert.Contains("CREDENTIALS_DIRECTORY/X__Y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAdd_OnTheHostsConfigurationManager_LaterReadersSeeTheValueAndErrorsGoToTheWriter()
    {
        var good = Write("good", "ok\n");
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(new Dictionary<string, string?> { ["S:FILE"] = good });
        var error = new StringWriter();

        var added = SecretFiles.TryAdd(manager, error);

        Assert.True(added, error.ToString());
        Assert.Equal("ok", manager["S"]);

        var bad = new ConfigurationManager();
        bad.AddInMemoryCollection(new Dictionary<string, string?> { ["S:FILE"] = Path.Combine(_folder, "nope") });
        Assert.False(SecretFiles.TryAdd(bad, error));
        Assert.Contains("S:FILE", error.ToString(), StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static IConfigurationRoot Build(Dictionary<string, string?> settings, string? credentials = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(settings);
        builder.Add(new TestSource(credentials));
        return builder.Build();
    }

    private sealed class TestSource(string? credentials) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            var others = new ConfigurationBuilder();
            foreach (var source in builder.Sources.Where(s => !ReferenceEquals(s, this)))
            {
                others.Add(source);
            }

            return new MemoryProvider(SecretFiles.Read(others.Build(), credentials));
        }
    }

    private sealed class MemoryProvider(Dictionary<string, string?> values) : ConfigurationProvider
    {
        public override void Load() => Data = values;
    }
}
