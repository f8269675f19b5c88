using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Extensions;

/// <summary>
/// Refuses a session that was ended early (signed out, or ended by an administrator on any node), and ends
/// a session whose person was disabled or removed in the directory. Each person is looked up
/// at most once per <see cref="SignInOptions.SessionRevalidationInterval"/>; while the directory is
/// unreachable, sessions are kept (an outage must not sign out the whole organisation).
/// </summary>
internal sealed partial class SessionCookieEvents(
    IDirectoryService directory,
    ISessionRegistry sessions,
    IMemoryCache cache,
    IOptionsMonitor<SignInOptions> options,
    ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var subject = context.Principal?.FindFirstValue(PortalClaimTypes.Subject);
        var sessionId = context.Principal?.FindFirstValue(PortalClaimTypes.SessionId);
        if (sessionId is not null && await sessions.IsEndedAsync(sessionId, context.HttpContext.RequestAborted))
        {
            LogSessionEndedEarly(logger, sessionId);
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
            var user = await directory.FindUserBySubjectAsync(subject, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} refused: it was ended (signed out elsewhere or by an administrator)")]
    private static partial void LogSessionEndedEarly(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {Subject} ended: the person is disabled or gone in the directory")]
    private static partial void LogSessionEnded(ILogger logger, string subject);
}
