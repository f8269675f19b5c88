namespace GatewayPortal.Identity.Applications.Admin;

/// <summary>A search of the application registry.</summary>
/// <param name="Text">Part of the client id or of the Korean or English name (case-insensitive); null for all.</param>
/// <param name="Category">A category code, or null for all.</param>
/// <param name="Status">A status, or null for all.</param>
/// <param name="Page">The 1-based page.</param>
public sealed record ApplicationAdminQuery(string? Text = null, string? Category = null, ApplicationStatus? Status = null, int Page = 1);
