namespace GatewayPortal.Identity.OrgChart;

/// <summary>An <c>organizationalUnit</c> entry as read: its DN, its parent's DN, code, name and phone.</summary>
internal sealed record OrgUnitEntry(string DistinguishedName, string ParentDistinguishedName, string Code, string Name, string? Phone);
