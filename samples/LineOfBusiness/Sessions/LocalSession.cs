namespace GatewayPortal.Samples.LineOfBusiness.Sessions;

/// <summary>One sign-in to this app: the portal's session id (<c>sid</c>) and subject it came from.</summary>
public sealed record LocalSession(string Id, string? PortalSessionId, string Subject, DateTimeOffset ExpiresAt);
