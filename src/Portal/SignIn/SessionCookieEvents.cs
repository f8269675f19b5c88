using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.SignIn;

/// <summary>
/// Refuses a session that was ended early (signed out, or ended by an administrator on any node), is past its absolute
/// lifetime, or has no record (fail closed: e.g. a cookie from after the backup that was restored), and ends
/// a session whose person was disabled or removed in the directory. Each person is looked up
/// at most once per <see cref="SignInOptions.SessionRevalidationInterval"/>; while the directory is
/// unreachable, sessions are kept (an outage must not sign out the whole organisation).
/// </summary>
internal sealed partial class SessionCookieEvents(
    DirectoryReadCache directory,
    ISessionRegistry sessions,
    IMemoryCache cache,
    IOptionsMonitor<SignInOptions> options,
    ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var subject = context.Principal?.FindFirstValue(PortalClaimTypes.Subject);
        var sessionId = context.Principal?.FindFirstValue(PortalClaimTypes.SessionId);
        var started = context.Properties.IssuedUtc ?? DateTimeOffset.MinValue;
        var state = sessionId is null ? SessionState.Unknown : (await sessions.GetStatusAsync(sessionId, started, context.HttpContext.RequestAborted)).State;
        if (state != SessionState.Running)
        {
            LogSessionRefused(logger, sessionId ?? "(none)", state);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalAuthenticationDefaults.SessionScheme);
            return;
        }

        if (subject is null || !await IsActiveAsync(subject, context.HttpContext.RequestAborted))
        {
            LogSessionEnded(logger, subject ?? "(none)");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalAuthenticationDefaults.SessionScheme);
        }
    }

    private async Task<bool> IsActiveAsync(string subject, CancellationToken cancellationToken)
    {
        var key = "session-active:" + subject;
        if (cache.TryGetValue(key, out bool active))
        {
            return active;
        }

        try
        {
            // The password sign-in's read answers the first requests of a new session; later reads are kept for the
            // token grants that re-check the person.
            var user = await directory.FindBySubjectAsync(subject, options.CurrentValue.SessionRevalidationInterval, cancellationToken);
            active = user is { IsDisabled: false };
            cache.Set(key, active, options.CurrentValue.SessionRevalidationInterval);
        }
        catch (DirectoryUnavailableException)
        {
            // Keep the session and ask again soon.
            active = true;
            cache.Set(key, active, TimeSpan.FromSeconds(30));
        }

        return active;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} refused: {State} (ended elsewhere or by an administrator, expired, or without a record)")]
    private static partial void LogSessionRefused(ILogger logger, string sessionId, SessionState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {Subject} ended: the person is disabled or gone in the directory")]
    private static partial void LogSessionEnded(ILogger logger, string subject);
}
