using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.SignIn;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc;

/// <summary>Builds the claims an application receives, released by scope.</summary>
public static class OidcPrincipalBuilder
{
    private static readonly string[] ProfileClaims = [PortalClaimTypes.Name, PortalClaimTypes.PreferredUsername];
    private static readonly string[] EmployeeClaims = [PortalClaimTypes.Department, PortalClaimTypes.Title, PortalClaimTypes.Grade, PortalClaimTypes.EmployeeNumber, PortalClaimTypes.Phone];

    /// <summary>From the portal session's principal (authorization endpoint).</summary>
    public static ClaimsPrincipal FromSession(ClaimsPrincipal session, IEnumerable<string> scopes, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(session);
        var identity = new ClaimsIdentity(authenticationType, Claims.Name, Claims.Role);
        foreach (var claim in session.Claims.Where(c => IsReleasable(c.Type)))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        }

        return Finish(identity, scopes);
    }

    /// <summary>From a fresh directory read (token endpoint), keeping the session id of the original grant.</summary>
    public static ClaimsPrincipal FromDirectory(DirectoryUser user, string? sessionId, IEnumerable<string> scopes, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var fresh = PortalPrincipalFactory.Create(user, authenticationType, [], DateTimeOffset.UtcNow);
        var identity = new ClaimsIdentity(authenticationType, Claims.Name, Claims.Role);
        foreach (var claim in fresh.Claims.Where(c => IsReleasable(c.Type) && c.Type is not PortalClaimTypes.SessionId and not PortalClaimTypes.AuthTime))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        }

        if (sessionId is not null)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.SessionId, sessionId));
        }

        return Finish(identity, scopes);
    }

    /// <summary>Where a claim may go, given the scopes granted.</summary>
    public static IEnumerable<string> DestinationsOf(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var principal = claim.Subject is { } identity ? new ClaimsPrincipal(identity) : new ClaimsPrincipal();
        return claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            PortalClaimTypes.SessionId or PortalClaimTypes.AuthTime or PortalClaimTypes.AuthenticationMethod => [Destinations.IdentityToken],
            _ when ProfileClaims.Contains(claim.Type) && principal.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            PortalClaimTypes.Email when principal.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ when EmployeeClaims.Contains(claim.Type) && principal.HasScope(OidcScopes.Employee) => [Destinations.AccessToken, Destinations.IdentityToken],
            PortalClaimTypes.Group when principal.HasScope(OidcScopes.Groups) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [],
        };
    }

    private static bool IsReleasable(string type) => type is PortalClaimTypes.Subject or PortalClaimTypes.Name or PortalClaimTypes.PreferredUsername
        or PortalClaimTypes.Email or PortalClaimTypes.Department or PortalClaimTypes.Title or PortalClaimTypes.Grade
        or PortalClaimTypes.EmployeeNumber or PortalClaimTypes.Phone or PortalClaimTypes.Group or PortalClaimTypes.AuthenticationMethod
        or PortalClaimTypes.AuthTime or PortalClaimTypes.SessionId;

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetDestinations(DestinationsOf);
        return principal;
    }
}
