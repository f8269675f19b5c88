using GatewayPortal.Identity.Applications;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <inheritdoc/>
internal sealed class SessionLogoutNotifier(IOidcDbContext oidc, IApplicationsDbContext applications, BackChannelLogoutSender sender) : ISessionLogoutNotifier
{
    public async Task NotifySessionEndedAsync(string sessionId, string subjectId, string login, string issuer, CancellationToken cancellationToken = default)
    {
        var clientIds = await oidc.OidcSessionApplications
            .Where(s => s.SessionId == sessionId)
            .Select(s => s.ClientId)
            .ToListAsync(cancellationToken);
        if (clientIds.Count == 0)
        {
            return;
        }

        var targets = await applications.Applications.AsNoTracking()
            .Where(a => clientIds.Contains(a.ClientId) && a.BackChannelLogoutUri != null)
            .Select(a => new { a.ClientId, a.BackChannelLogoutUri })
            .ToListAsync(cancellationToken);
        foreach (var target in targets)
        {
            await sender.EnqueueAsync(new LogoutDelivery(target.ClientId, target.BackChannelLogoutUri!, issuer, sessionId, subjectId, login), cancellationToken);
        }

        await oidc.OidcSessionApplications.Where(s => s.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
    }
}
