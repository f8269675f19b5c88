namespace GatewayPortal.Identity.Audit;

/// <summary>The client making a sign-in request.</summary>
/// <param name="IpAddress">Remote IP address (after trusted proxy headers).</param>
/// <param name="UserAgent">The User-Agent header.</param>
public sealed record SignInClient(string? IpAddress, string? UserAgent);
