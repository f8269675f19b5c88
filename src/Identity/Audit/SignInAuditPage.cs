namespace GatewayPortal.Identity.Audit;

/// <summary>One page of audit rows, newest first, with the total that matched.</summary>
public sealed record SignInAuditPage(IReadOnlyList<SignInAuditEntry> Items, int Total, int Page, int PageSize)
{
    /// <summary>Number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
