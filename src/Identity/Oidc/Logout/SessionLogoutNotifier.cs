using GatewayPortal.Identity.Applications;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <inheritdoc/>
internal sealed class SessionLogoutNotifier(IOidcDbContext oidc, IApplicationsDbContext applications, BackChannelLogoutSender sender) : ISessionLogoutNotifier
{
    public async Task<IReadOnlyList<string>> NotifySessionEndedAsync(string sessionId, string subjectId, string login, string issuer, CancellationToken cancellationToken = default)
    {
        var clientIds = await oidc.OidcSessionApplications
            .Where(s => s.SessionId == sessionId)
            .Select(s => s.ClientId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (clientIds.Count == 0)
        {
            return [];
        }

        var targets = await applications.Applications.AsNoTracking()
            .Where(a => clientIds.Contains(a.ClientId) && (a.BackChannelLogoutUri != null || a.FrontChannelLogoutUri != null))
            .Select(a => new { a.ClientId, a.BackChannelLogoutUri, a.FrontChannelLogoutUri, a.IdTokenSignedResponseAlg })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var frames = new List<string>();
        foreach (var target in targets)
        {
            if (target.BackChannelLogoutUri is not null)
            {
                await sender.EnqueueAsync(new LogoutDelivery(target.ClientId, target.BackChannelLogoutUri, issuer, sessionId, subjectId, login, target.IdTokenSignedResponseAlg), cancellationToken).ConfigureAwait(false);
            }

            if (target.FrontChannelLogoutUri is not null)
            {
                // OpenID Connect Front-Channel Logout 1.0: iss and sid let the application find the session.
                var separator = target.FrontChannelLogoutUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                frames.Add($"{target.FrontChannelLogoutUri}{separator}iss={Uri.EscapeDataString(issuer)}&sid={Uri.EscapeDataString(sessionId)}");
            }
        }

        await oidc.OidcSessionApplications.Where(s => s.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return frames;
    }
}
