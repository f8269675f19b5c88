using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Http;
using Microsoft.AspNetCore.Authentication;

namespace GatewayPortal.Portal.SignIn;

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

    /// <summary>
    /// After a password check: issues the session (or the wait for a second factor) and returns where to go next,
    /// or null when the result is a refusal that the login page shows.
    /// </summary>
    public static async Task<string?> CompletePasswordStepAsync(
        HttpContext context, PasswordSignInResult result, string? returnUrl, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case PasswordSignInStatus.SignedIn:
                await SignInAsync(context, result.User!, lifetime, time, ["pwd"]);
                return LocalUrl.OrHome(returnUrl);
            case PasswordSignInStatus.SecondFactorRequired:
                await BeginSecondFactorAsync(context, result.User!, time);
                var step = result.SecondFactorEnrolled ? "/account/second-factor" : "/account/second-factor/enroll";
                return $"{step}?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}";
            default:
                return null;
        }
    }

    /// <summary>Remembers a verified password for five minutes while the second factor is asked for.</summary>
    public static Task BeginSecondFactorAsync(HttpContext context, DirectoryUser user, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var principal = PortalPrincipalFactory.Create(user, PortalAuthenticationDefaults.SecondFactorScheme, ["pwd"], time.GetUtcNow());
        return context.SignInAsync(PortalAuthenticationDefaults.SecondFactorScheme, principal);
    }

    /// <summary>The person waiting for a second factor, or null when the five minutes are over (or never began).</summary>
    public static async Task<PendingSignIn?> FindPendingAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(PortalAuthenticationDefaults.SecondFactorScheme);
        var principal = result.Principal;
        var subject = principal?.FindFirstValue(PortalClaimTypes.Subject);
        return principal is null || subject is null
            ? null
            : new PendingSignIn(principal, subject, principal.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "", principal.FindFirstValue(PortalClaimTypes.Name) ?? "");
    }

    /// <summary>Turns the waiting principal into the SSO session, adding "otp" to its methods.</summary>
    public static async Task CompleteSecondFactorAsync(HttpContext context, PendingSignIn pending, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(time);
        var principal = PortalPrincipalFactory.Promote(pending.Principal, PortalAuthenticationDefaults.SessionScheme, "otp", "mfa");
        await IssueAsync(context, principal, lifetime, time.GetUtcNow());
        await context.SignOutAsync(PortalAuthenticationDefaults.SecondFactorScheme);
    }

    private static async Task IssueAsync(HttpContext context, ClaimsPrincipal principal, TimeSpan lifetime, DateTimeOffset now)
    {
        await context.SignInAsync(PortalAuthenticationDefaults.SessionScheme, principal, new AuthenticationProperties
        {
            // Survives closing the browser for the working day; never extended by activity.
            IsPersistent = true,
            IssuedUtc = now,
            ExpiresUtc = now + lifetime,
            AllowRefresh = false,
        });
        await context.RequestServices.GetRequiredService<ISessionRegistry>().RecordStartAsync(new SessionStart(
            principal.FindFirstValue(PortalClaimTypes.SessionId)!,
            principal.FindFirstValue(PortalClaimTypes.Subject)!,
            principal.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "",
            principal.FindFirstValue(PortalClaimTypes.Name),
            now,
            now + lifetime,
            principal.FindAll(PortalClaimTypes.AuthenticationMethod).Select(c => c.Value).ToList(),
            ClientInfo.From(context)), context.RequestAborted);
    }
}
