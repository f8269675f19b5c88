using System.Security.Claims;
using GatewayPortal.Samples.LineOfBusiness.Authentication;

namespace GatewayPortal.Samples.LineOfBusiness.Pages;

/// <summary>What the home page shows about the signed-in person.</summary>
public sealed record SignedInUser(string? Name, string? PreferredUsername, string? Department, IReadOnlyList<string> Groups)
{
    public static SignedInUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new SignedInUser(
            principal.Identity?.Name,
            principal.FindFirst(LobClaimTypes.PreferredUsername)?.Value,
            principal.FindFirst(LobClaimTypes.Department)?.Value,
            [.. principal.FindAll(LobClaimTypes.Groups).Select(c => c.Value).Distinct(StringComparer.Ordinal)]);
    }
}
