using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>
/// Carries the front-channel logout URLs (and, for a logout an application asked for, where to return
/// afterwards) from the sign-out to the page that loads them in frames: protected and valid for five
/// minutes, so nobody can make the portal frame other pages or link elsewhere.
/// </summary>
public sealed class FrontChannelLogoutFrames(IDataProtectionProvider dataProtection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("GatewayPortal.FrontChannelLogout.v1").ToTimeLimitedDataProtector();

    /// <summary>Protects the URLs for the query string; <paramref name="returnTo"/> is an already validated post-logout redirect.</summary>
    public string Protect(IReadOnlyList<string> urls, string? returnTo = null) =>
        _protector.Protect(JsonSerializer.Serialize(new Ticket(urls, returnTo)), time.GetUtcNow().Add(Lifetime));

    /// <summary>The frames and return address, or nothing when the value is missing, forged or expired; only absolute http(s) URLs pass.</summary>
    public FrontChannelLogout Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return FrontChannelLogout.None;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(value, out var expiration));
            return ticket is null || expiration < time.GetUtcNow()
                ? FrontChannelLogout.None
                : new FrontChannelLogout(ticket.Frames.Select(HttpUrl).OfType<Uri>().ToList(), HttpUrl(ticket.ReturnTo));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return FrontChannelLogout.None;
        }
    }

    private static Uri? HttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private sealed record Ticket(IReadOnlyList<string> Frames, string? ReturnTo);
}

/// <summary>What the signed-out page shows: logout frames, and the application to return to, if any.</summary>
public sealed record FrontChannelLogout(IReadOnlyList<Uri> Frames, Uri? ReturnTo)
{
    /// <summary>Nothing to show.</summary>
    public static FrontChannelLogout None { get; } = new([], null);
}
