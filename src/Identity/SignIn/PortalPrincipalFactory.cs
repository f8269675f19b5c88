using System.Globalization;
using System.Security.Claims;
using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.SignIn;

/// <summary>Turns a directory person into the claims of a portal session.</summary>
public static class PortalPrincipalFactory
{
    /// <summary>Builds the session principal.</summary>
    /// <param name="user">The person.</param>
    /// <param name="authenticationType">The authentication scheme that will carry it.</param>
    /// <param name="methods">Authentication methods used (pwd, otp).</param>
    /// <param name="authTime">When the person authenticated.</param>
    public static ClaimsPrincipal Create(DirectoryUser user, string authenticationType, IEnumerable<string> methods, DateTimeOffset authTime)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(methods);
        var identity = new ClaimsIdentity(authenticationType, PortalClaimTypes.Name, PortalClaimTypes.Group);
        identity.AddClaim(new(PortalClaimTypes.Subject, user.SubjectId));
        identity.AddClaim(new(PortalClaimTypes.Name, user.DisplayName));
        identity.AddClaim(new(PortalClaimTypes.PreferredUsername, user.Username));
        AddIfPresent(identity, PortalClaimTypes.Email, user.Email);
        AddIfPresent(identity, PortalClaimTypes.Department, user.Department);
        AddIfPresent(identity, PortalClaimTypes.Title, user.Title);
        AddIfPresent(identity, PortalClaimTypes.Grade, user.Grade);
        AddIfPresent(identity, PortalClaimTypes.EmployeeNumber, user.EmployeeNumber);
        AddIfPresent(identity, PortalClaimTypes.Phone, user.Phone);
        foreach (var group in user.Groups)
        {
            identity.AddClaim(new(PortalClaimTypes.Group, group.Name));
        }

        foreach (var method in methods)
        {
            identity.AddClaim(new(PortalClaimTypes.AuthenticationMethod, method));
        }

        identity.AddClaim(new(PortalClaimTypes.AuthTime, authTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        identity.AddClaim(new(PortalClaimTypes.SessionId, Guid.NewGuid().ToString("N")));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Copies a principal into a new identity for another scheme, adding authentication methods.</summary>
    public static ClaimsPrincipal Promote(ClaimsPrincipal pending, string authenticationType, params string[] extraMethods)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var identity = new ClaimsIdentity(pending.Claims, authenticationType, PortalClaimTypes.Name, PortalClaimTypes.Group);
        foreach (var method in extraMethods)
        {
            identity.AddClaim(new(PortalClaimTypes.AuthenticationMethod, method));
        }

        return new ClaimsPrincipal(identity);
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new(type, value));
        }
    }
}
