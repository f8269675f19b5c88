namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>A generated client secret, shown once and never stored in plain.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="Secret">The secret (32 random bytes, base64url).</param>
public sealed record ApplicationNewSecret(string ClientId, string Secret);
