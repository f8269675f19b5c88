namespace GatewayPortal.Identity.Audit;

/// <summary>Filters and paging of the admin audit trail.</summary>
/// <param name="Actor">Part of the administrator's subject id or name.</param>
/// <param name="Action">Exactly this action code.</param>
/// <param name="TargetType">Exactly this target kind.</param>
/// <param name="Target">Part of the target's id or name.</param>
/// <param name="FromUtc">At or after this time.</param>
/// <param name="ToUtc">Before this time.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page (1–200).</param>
public sealed record AdminAuditQuery(
    string? Actor = null,
    string? Action = null,
    string? TargetType = null,
    string? Target = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int Page = 1,
    int PageSize = 50);

/// <summary>One page of the admin audit trail, newest first, with the total that matched.</summary>
public sealed record AdminAuditPage(IReadOnlyList<AdminAuditEntry> Items, int Total, int Page, int PageSize)
{
    /// <summary>Number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
