using System.Globalization;
using System.Security.Claims;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Oidc;

/// <summary>
/// The one access check for a person and an application, asked at <c>/connect/authorize</c> and again at every code
/// redemption and refresh grant: the portal session is running (not ended, not expired, recorded), the person is active
/// in the directory (a read no older than <see cref="OidcProviderOptions.GrantDirectoryReadMaxAge"/>), and the application's status and allowed groups admit the person's groups as the directory has them
/// now. While the directory is unreachable the groups the session or grant carries are used, so that an outage does not
/// sign the organisation out of its applications.
/// </summary>
public sealed class OidcAccessPolicy(
    ApplicationCatalogue catalogue,
    IApplicationsDbContext applications,
    ISessionRegistry sessions,
    DirectoryReadCache directory,
    IOptions<OidcProviderOptions> oidcOptions,
    IOptions<SignInOptions> signIn,
    TimeProvider time)
{
    /// <summary>Decides whether <paramref name="principal"/> may have tokens for <paramref name="clientId"/> now.</summary>
    /// <param name="principal">The portal session's principal, or the principal of the code or refresh token.</param>
    /// <param name="clientId">The application.</param>
    /// <param name="sessionStarted">When the session began (the cookie's issue time); the <c>auth_time</c> claim when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<OidcAccessVerdict> EvaluateAsync(ClaimsPrincipal principal, string clientId, DateTimeOffset? sessionStarted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var started = sessionStarted ?? AuthTime(principal) ?? DateTimeOffset.MinValue;
        var fallbackExpiry = started == DateTimeOffset.MinValue ? time.GetUtcNow() : started + signIn.Value.SessionLifetime;
        var sessionId = principal.FindFirst(PortalClaimTypes.SessionId)?.Value;
        if (sessionId is null)
        {
            return Refused("SessionUnknown", fallbackExpiry);
        }

        var status = await sessions.GetStatusAsync(sessionId, started, cancellationToken).ConfigureAwait(false);
        var expires = status.Expires ?? fallbackExpiry;
        if (!status.IsRunning || expires - time.GetUtcNow() < TimeSpan.FromSeconds(1))
        {
            return Refused("Session" + (status.IsRunning ? SessionState.Expired : status.State).ToString(), expires);
        }

        DirectoryUser? person = null;
        IReadOnlyCollection<string> groups;
        try
        {
            person = await directory.FindBySubjectAsync(principal.FindFirst(PortalClaimTypes.Subject)?.Value ?? "", oidcOptions.Value.GrantDirectoryReadMaxAge, cancellationToken).ConfigureAwait(false);
            if (person is not { IsDisabled: false })
            {
                return Refused("PersonInactive", expires);
            }

            groups = [.. person.Groups.Select(g => g.Name)];
        }
        catch (DirectoryUnavailableException)
        {
            groups = [.. principal.FindAll(PortalClaimTypes.Group).Select(c => c.Value)];
        }

        var application = await catalogue.FindAsync(applications, clientId, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return new OidcAccessVerdict("UnknownApplication", person, expires);
        }

        var decision = ApplicationAccessPolicy.Evaluate(application, groups, time.GetUtcNow());
        return new OidcAccessVerdict(decision == ApplicationAccessDecision.Allowed ? null : decision.ToString(), person, expires);
    }

    private static OidcAccessVerdict Refused(string why, DateTimeOffset expires) => new(why, null, expires);

    private static DateTimeOffset? AuthTime(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(PortalClaimTypes.AuthTime)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
