using System.Globalization;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// <c>prompt=login</c> and <c>max_age</c> (OIDC Core §3.1.2.1). When an application asks for a fresh sign-in, the
/// authorization request goes to the login page with its parameters unchanged plus a protected marker naming the
/// session that was too old and when the application asked. Back from the login page, only a different session that
/// began after that moment satisfies the request: following the login page's returnUrl without entering a password
/// (or with another old session) leads to the login page again.
/// </summary>
public sealed class OidcReauthentication(IDataProtectionProvider dataProtection, TimeProvider time)
{
    /// <summary>The authorization request parameter that carries the marker back from the login page.</summary>
    public const string MarkerParameter = "gp_reauth";

    // A marker older than this is ignored (the login page's antiforgery token does not last longer either).
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("GatewayPortal.Oidc.Reauthentication").ToTimeLimitedDataProtector();

    /// <summary>Whether <paramref name="session"/> must sign in again before <paramref name="request"/> gets a code.</summary>
    public bool IsRequired(HttpContext context, OpenIddictRequest request, AuthenticateResult session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        var signedIn = session.Properties?.IssuedUtc ?? DateTimeOffset.MinValue;
        var tooOld = request.HasPromptValue(PromptValues.Login)
            || (request.MaxAge is { } maxAge && time.GetUtcNow() - signedIn > TimeSpan.FromSeconds(maxAge));
        if (!tooOld)
        {
            return false;
        }

        // Back from the login page: a new session, begun after the application asked, is the fresh sign-in it wanted.
        return !(Read(context.Request.HasFormContentType ? context.Request.Form[MarkerParameter] : context.Request.Query[MarkerParameter]) is { } asked
            && !string.Equals(asked.SessionId, SessionIdOf(session), StringComparison.Ordinal)
            && signedIn >= asked.Time);
    }

    /// <summary>The authorization request to come back to after the login page, with a fresh marker.</summary>
    public string ReturnUrl(HttpContext context, AuthenticateResult session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        // Whole seconds: the session cookie keeps its issue time to the second.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var marker = _protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{SessionIdOf(session)}|{now.ToUnixTimeSeconds()}"), MarkerLifetime);
        var parameters = ParametersOf(context).Where(p => p.Key != MarkerParameter).Append(new(MarkerParameter, marker));
        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
    }

    private static string SessionIdOf(AuthenticateResult session) => session.Principal?.FindFirst(PortalClaimTypes.SessionId)?.Value ?? "";

    private static IEnumerable<KeyValuePair<string, StringValues>> ParametersOf(HttpContext context) =>
        context.Request.HasFormContentType ? context.Request.Form : context.Request.Query;

    private (string SessionId, DateTimeOffset Time)? Read(StringValues marker)
    {
        try
        {
            var text = marker.Count == 1 ? _protector.Unprotect(marker.ToString()) : null;
            var separator = text?.LastIndexOf('|') ?? -1;
            return separator >= 0 && long.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? (text![..separator], DateTimeOffset.FromUnixTimeSeconds(seconds))
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Forged, from another installation, or expired: as if absent.
            return null;
        }
    }
}
