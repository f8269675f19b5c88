using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace GatewayPortal.Portal.Http;

/// <summary>
/// Optional compression of pages (<c>Portal:ResponseCompression:Enabled</c>, off by default; issue #18). It makes a page
/// several times smaller for people on slow links and costs the node CPU for every page (figures in bench/RESULTS.md,
/// "Launcher/home page (issue #18)"). Brotli or gzip at the fastest level. Like ASP.NET Core's default, never over HTTPS:
/// the pages carry antiforgery tokens, and compressing secrets next to text an attacker can echo is the BREACH attack;
/// behind the TLS proxy, compression is the proxy's decision.
/// </summary>
public static class PortalResponseCompression
{
    /// <summary>The configuration key.</summary>
    public const string EnabledKey = "Portal:ResponseCompression:Enabled";

    /// <summary>Registers the compression services when <see cref="EnabledKey"/> is true.</summary>
    public static IServiceCollection AddPortalResponseCompression(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = false;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Adds the middleware when <see cref="EnabledKey"/> is true.</summary>
    public static IApplicationBuilder UsePortalResponseCompression(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return IsEnabled(configuration) ? app.UseResponseCompression() : app;
    }

    /// <summary>True or false; anything else stops the start with a message naming the key.</summary>
    internal static bool IsEnabled(IConfiguration configuration)
    {
        var value = configuration[EnabledKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return bool.TryParse(value, out var enabled)
            ? enabled
            : throw new InvalidOperationException($"{EnabledKey} must be true or false (was '{value}').");
    }
}
