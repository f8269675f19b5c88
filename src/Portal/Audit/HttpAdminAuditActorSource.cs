using System.Security.Claims;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.SignIn;

namespace GatewayPortal.Portal.Audit;

/// <summary>The signed-in administrator of the current request (subject, login and name, client address).</summary>
public sealed class HttpAdminAuditActorSource(IHttpContextAccessor accessor) : IAdminAuditActorSource
{
    /// <inheritdoc/>
    public AdminAuditActor Current
    {
        get
        {
            if (accessor.HttpContext is not { } context || context.User.Identity?.IsAuthenticated != true)
            {
                return AdminAuditActor.System;
            }

            var user = context.User;
            var subject = user.FindFirstValue(PortalClaimTypes.Subject) ?? "unknown";
            var login = user.FindFirstValue(PortalClaimTypes.PreferredUsername);
            var name = user.FindFirstValue(PortalClaimTypes.Name);
            var shown = (login, name) switch
            {
                ({ Length: > 0 }, { Length: > 0 }) when login != name => $"{login} ({name})",
                ({ Length: > 0 }, _) => login,
                (_, { Length: > 0 }) => name,
                _ => subject,
            };
            return new AdminAuditActor(subject, shown, ClientInfo.From(context).IpAddress);
        }
    }
}
