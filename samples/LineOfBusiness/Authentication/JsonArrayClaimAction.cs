using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth.Claims;

namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>
/// Copies a userinfo member that is a string or an array of strings into one claim per value,
/// skipping values the id_token already supplied (the built-in actions would duplicate them).
/// </summary>
public sealed class JsonArrayClaimAction(string claimType) : ClaimAction(claimType, ClaimValueTypes.String)
{
    public override void Run(JsonElement userData, ClaimsIdentity identity, string issuer)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (userData.ValueKind != JsonValueKind.Object || !userData.TryGetProperty(ClaimType, out var value))
        {
            return;
        }

        IEnumerable<JsonElement> items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text && !identity.HasClaim(ClaimType, text))
            {
                identity.AddClaim(new Claim(ClaimType, text, ValueType, issuer));
            }
        }
    }
}
