namespace GatewayPortal.Boards.Posts;

/// <summary>What list to show.</summary>
/// <param name="BoardId">One board, or null for every board the viewer may read.</param>
/// <param name="Search">Words to find in titles and bodies, or null.</param>
/// <param name="Page">The page (1-based).</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record NoticeListQuery(long? BoardId, string? Search, int Page, int PageSize = 20)
{
    /// <summary>Longest search text.</summary>
    public const int MaxSearchLength = 100;
}
