using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;

namespace GatewayPortal.Portal.Extensions;

/// <summary>Issues the SSO session cookie, or the short-lived cookie that waits for a second factor.</summary>
public static class SessionSignIn
{
    /// <summary>Signs the person in for one session lifetime.</summary>
    public static Task SignInAsync(HttpContext context, DirectoryUser user, TimeSpan lifetime, TimeProvider time, string[] methods)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var principal = PortalPrincipalFactory.Create(user, PortalAuthenticationDefaults.SessionScheme, methods, now);
        return IssueAsync(context, principal, lifetime, now);
    }

    /// <summary>Remembers a verified password for five minutes while the second factor is asked for.</summary>
    public static Task BeginSecondFactorAsync(HttpContext context, DirectoryUser user, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var principal = PortalPrincipalFactory.Create(user, PortalAuthenticationDefaults.SecondFactorScheme, ["pwd"], time.GetUtcNow());
        return context.SignInAsync(PortalAuthenticationDefaults.SecondFactorScheme, principal);
    }

    /// <summary>Turns the waiting principal into the SSO session, adding "otp" to its methods.</summary>
    public static async Task CompleteSecondFactorAsync(HttpContext context, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var principal = PortalPrincipalFactory.Promote(context.User, PortalAuthenticationDefaults.SessionScheme, "otp", "mfa");
        await IssueAsync(context, principal, lifetime, time.GetUtcNow());
        await context.SignOutAsync(PortalAuthenticationDefaults.SecondFactorScheme);
    }

    /// <summary>The waiting person's subject id and login, from the second-factor cookie.</summary>
    public static (string SubjectId, string Login, string DisplayName) Pending(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (
            user.FindFirstValue(PortalClaimTypes.Subject) ?? throw new InvalidOperationException("The second-factor cookie has no subject."),
            user.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "",
            user.FindFirstValue(PortalClaimTypes.Name) ?? "");
    }

    private static Task IssueAsync(HttpContext context, ClaimsPrincipal principal, TimeSpan lifetime, DateTimeOffset now) =>
        context.SignInAsync(PortalAuthenticationDefaults.SessionScheme, principal, new AuthenticationProperties
        {
            // Survives closing the browser for the working day; never extended by activity.
            IsPersistent = true,
            IssuedUtc = now,
            ExpiresUtc = now + lifetime,
            AllowRefresh = false,
        });
}
