namespace GatewayPortal.Identity.Directory;

/// <summary>A group entry as cached: its name, description and the groups it belongs to.</summary>
internal sealed record DirectoryGroupEntry(string DistinguishedName, string Name, string? Description, IReadOnlyList<string> MemberOf);
