namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>One back-channel logout token to deliver.</summary>
/// <param name="ClientId">The application's client id (the token's audience).</param>
/// <param name="Uri">Its back-channel logout endpoint.</param>
/// <param name="Issuer">The provider's issuer as the application knows it.</param>
/// <param name="SessionId">The ended portal session (sid).</param>
/// <param name="SubjectId">The person (sub).</param>
/// <param name="Login">The person's login, for the audit log.</param>
/// <param name="SigningAlgorithm">The client's signing algorithm (ES256 or RS256), as for its identity tokens.</param>
public sealed record LogoutDelivery(string ClientId, string Uri, string Issuer, string SessionId, string SubjectId, string Login, string SigningAlgorithm = "ES256");
