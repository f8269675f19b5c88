namespace GatewayPortal.Identity.Audit;

/// <summary>Filters and paging for the audit log page.</summary>
/// <param name="Login">Part of the login or display name.</param>
/// <param name="Outcome">Only this outcome.</param>
/// <param name="IpAddress">Exactly this client address.</param>
/// <param name="FromUtc">At or after this time.</param>
/// <param name="ToUtc">Before this time.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page (1–200).</param>
public sealed record SignInAuditQuery(
    string? Login = null,
    SignInOutcome? Outcome = null,
    string? IpAddress = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int Page = 1,
    int PageSize = 50);
