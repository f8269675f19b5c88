namespace GatewayPortal.Boards.Posts;

/// <summary>One page of a notice list.</summary>
/// <param name="Items">The rows, pinned first then newest.</param>
/// <param name="Total">Rows over all pages.</param>
/// <param name="Page">This page (1-based).</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record NoticeListPage(IReadOnlyList<NoticeListItem> Items, int Total, int Page, int PageSize)
{
    /// <summary>The number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
