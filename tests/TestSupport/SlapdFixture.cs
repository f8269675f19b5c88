using System.Globalization;
using GatewayPortal.Tools.OrgGen;

namespace GatewayPortal.Testing;

/// <summary>
/// One seeded slapd per test run (use as an xunit v3 assembly fixture): the demo organisation of
/// <see cref="Users"/> people generated with <see cref="OrganizationGenerator.DefaultSeed"/>.
/// </summary>
public sealed class SlapdFixture : IAsyncLifetime
{
    /// <summary>How many people the fixture's directory holds (demo accounts included).</summary>
    public const int Users = 2000;

    private SlapdServer? _server;

    /// <summary>The generated organisation loaded into the server.</summary>
    public Organization Organization { get; } = OrganizationGenerator.Generate(Users, OrganizationGenerator.DefaultSeed);

    /// <summary>The running, seeded server.</summary>
    public SlapdServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The LDIF the server was seeded from.</summary>
    public string LdifPath { get; } = Path.Combine(Path.GetTempPath(), $"gatewayportal-org-{Environment.ProcessId}.ldif");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        LdifWriter.WriteFile(Organization, LdifPath);
        _server = await SlapdServer.StartNewAsync(LdifPath);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        File.Delete(LdifPath);
    }

    /// <summary>
    /// "Directory:…" configuration keys (the shape <c>LdapOptions</c> binds) for the given servers, or this fixture's
    /// server when none are given.
    /// </summary>
    public Dictionary<string, string?> CreateDirectoryConfiguration(IEnumerable<string>? serverUrls = null, TimeSpan? connectTimeout = null, TimeSpan? operationTimeout = null)
    {
        var urls = serverUrls?.ToList() ?? [Server.Url];
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Directory:BaseDn"] = CityHall.BaseDn,
            ["Directory:UserSearchBase"] = CityHall.PeopleDn,
            ["Directory:GroupSearchBase"] = CityHall.GroupsDn,
            ["Directory:ServiceBindDn"] = CityHall.ServiceBindDn,
            ["Directory:ServiceBindPassword"] = CityHall.ServiceBindPassword,
        };
        for (var i = 0; i < urls.Count; i++)
        {
            configuration[string.Create(CultureInfo.InvariantCulture, $"Directory:Servers:{i}")] = urls[i];
        }

        if (connectTimeout is { } connect)
        {
            configuration["Directory:ConnectTimeout"] = connect.ToString("c", CultureInfo.InvariantCulture);
        }

        if (operationTimeout is { } operation)
        {
            configuration["Directory:OperationTimeout"] = operation.ToString("c", CultureInfo.InvariantCulture);
        }

        return configuration;
    }
}
