using System.Net;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal host in-process, against the run's real slapd and a fresh SQLite file.
/// Extra settings (e.g. other directory servers) override the defaults.
/// </summary>
public class PortalApplicationFactory(SlapdFixture directory, IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"gp-it-{Guid.NewGuid():N}.db");

    private bool _onLoopbackPort;

    /// <summary>The directory fixture this host signs in against.</summary>
    public SlapdFixture Directory => directory;

    /// <summary>
    /// Serves on a free loopback port through Kestrel. The address goes in as the host's <c>urls</c> setting,
    /// not through <c>UseKestrel(port)</c>: that one rewrites the server's addresses after the host is built,
    /// racing the program's own <c>app.Run()</c>, which may already have started the server.
    /// </summary>
    protected void UseKestrelOnLoopback()
    {
        UseKestrel();
        _onLoopbackPort = true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_onLoopbackPort)
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        }

        // Serve wwwroot and the scoped-CSS bundle from the build output, as Development does.
        builder.UseStaticWebAssets();
        var settings = directory.CreateDirectoryConfiguration();
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={_databasePath}";
        settings["SignIn:Cookie:RequireHttps"] = "false";
        settings["SignIn:AdministratorGroups:0"] = "portal-admins";
        settings["SignIn:Mfa:RequiredGroups:0"] = "mfa-required";
        settings["SignIn:Throttling:MaxFailuresPerClient"] = "1000";
        // The demo catalogue (its sample-lob and batch-reporting clients) outside Development: tests only, never Production.
        settings["Applications:Seed:Enabled"] = "true";
        settings["Applications:Seed:AllowDemoSecrets"] = "true";
        settings["Oidc:AllowInsecureHttp"] = "true";
        settings["Oidc:RefreshTokenReuseLeeway"] = "00:00:00";
        settings["Search:InMemory"] = "true";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // TestServer leaves the remote address empty; make it loopback so X-Forwarded-For (trusted from
        // loopback) lets each test act as its own client address.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackRemoteAddressFilter>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public PortalClient CreatePortalClient(string clientAddress = "192.0.2.10") =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), clientAddress);

    /// <summary>GETs <paramref name="path"/> with nothing but the given Cookie header (a copied or replayed session).</summary>
    public async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class LoopbackRemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
