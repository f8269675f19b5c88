namespace GatewayPortal.Identity.Directory;

/// <summary>Whether a directory server answered, which one, and how fast.</summary>
public sealed record DirectoryHealth(bool IsAvailable, string? Server, TimeSpan Latency, string? Error);
