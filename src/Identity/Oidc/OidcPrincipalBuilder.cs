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
            identity.AddClaim(Copy(claim));
        }

        return Finish(identity, scopes);
    }

    /// <summary>
    /// From a fresh directory read (token endpoint), keeping what belongs to the sign-in, not to the person: the session
    /// id, when and how the person authenticated (<c>auth_time</c> and <c>amr</c> stay those of the original sign-in).
    /// </summary>
    public static ClaimsPrincipal FromDirectory(DirectoryUser user, ClaimsPrincipal grant, IEnumerable<string> scopes, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(grant);
        var fresh = PortalPrincipalFactory.Create(user, authenticationType, [], DateTimeOffset.UtcNow);
        var identity = new ClaimsIdentity(authenticationType, Claims.Name, Claims.Role);
        foreach (var claim in fresh.Claims.Where(c => IsReleasable(c.Type) && !IsOfTheSignIn(c.Type)))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        }

        foreach (var claim in grant.Claims.Where(c => IsOfTheSignIn(c.Type)))
        {
            identity.AddClaim(Copy(claim));
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

    // auth_time must stay a number through a token's round trip (OpenIddict refuses it as a string).
    private static Claim Copy(Claim claim) =>
        new(claim.Type, claim.Value, claim.Type == PortalClaimTypes.AuthTime ? ClaimValueTypes.Integer64 : claim.ValueType);

    private static bool IsOfTheSignIn(string type) => type is PortalClaimTypes.SessionId or PortalClaimTypes.AuthTime or PortalClaimTypes.AuthenticationMethod;

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetDestinations(DestinationsOf);
        return principal;
    }
}
