namespace GatewayPortal.Samples.LineOfBusiness.BackChannel;

/// <summary>Outcome of checking a logout token; <see cref="Reason"/> is a short, token-free text for the log.</summary>
public sealed record LogoutTokenValidationResult(LogoutTokenStatus Status, string? PortalSessionId, string? Subject, string? Reason)
{
    public static LogoutTokenValidationResult Valid(string? portalSessionId, string? subject) =>
        new(LogoutTokenStatus.Valid, portalSessionId, subject, null);

    public static LogoutTokenValidationResult Invalid(string reason) => new(LogoutTokenStatus.Invalid, null, null, reason);

    public static LogoutTokenValidationResult Unavailable(string reason) =>
        new(LogoutTokenStatus.IdentityProviderUnavailable, null, null, reason);
}
