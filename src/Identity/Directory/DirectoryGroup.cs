namespace GatewayPortal.Identity.Directory;

/// <summary>A group a person belongs to.</summary>
/// <param name="DistinguishedName">The group's DN.</param>
/// <param name="Name">The group's common name (<c>cn</c>), used in configuration and access rules.</param>
/// <param name="Description">The group's description, shown to administrators.</param>
/// <param name="IsDirect">True for a direct membership, false when inherited through a nested group.</param>
public sealed record DirectoryGroup(string DistinguishedName, string Name, string? Description, bool IsDirect);
