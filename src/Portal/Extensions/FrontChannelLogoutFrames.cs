using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace GatewayPortal.Portal.Extensions;

/// <summary>
/// Carries the front-channel logout URLs from the sign-out POST to the page that loads them in
/// frames: protected and valid for five minutes, so nobody can make the portal frame other pages.
/// </summary>
public sealed class FrontChannelLogoutFrames(IDataProtectionProvider dataProtection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("GatewayPortal.FrontChannelLogout.v1").ToTimeLimitedDataProtector();

    /// <summary>Protects the URLs for the query string.</summary>
    public string Protect(IReadOnlyList<string> urls) =>
        _protector.Protect(JsonSerializer.Serialize(urls), time.GetUtcNow().Add(Lifetime));

    /// <summary>The URLs, or none when the value is missing, forged or expired; only absolute http(s) URLs pass.</summary>
    public IReadOnlyList<Uri> Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        try
        {
            var urls = JsonSerializer.Deserialize<string[]>(_protector.Unprotect(value, out var expiration)) ?? [];
            return expiration < time.GetUtcNow()
                ? []
                : urls.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null)
                    .OfType<Uri>()
                    .ToList();
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return [];
        }
    }
}
