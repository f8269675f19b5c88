using GatewayPortal.Boards.Access;
using GatewayPortal.Boards.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Boards.Posts;

/// <summary>Queries the reader and the writer share.</summary>
internal static class BoardQueries
{
    public static async Task<(Board Board, BoardRules Rules)?> LoadAsync(IBoardsDbContext db, string key, CancellationToken cancellationToken)
    {
        var normalised = key.Trim().ToLowerInvariant();
        var board = await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Key == normalised, cancellationToken).ConfigureAwait(false);
        if (board is null)
        {
            return null;
        }

        var groups = await db.BoardGroups.AsNoTracking().Where(g => g.BoardId == board.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (board, RulesOf(groups));
    }

    public static BoardRules RulesOf(IEnumerable<BoardGroup> groups)
    {
        var list = groups.ToList();
        return new BoardRules(Of(list, BoardGroupRole.Reader), Of(list, BoardGroupRole.Poster), Of(list, BoardGroupRole.Manager));

        static string[] Of(List<BoardGroup> groups, BoardGroupRole role) =>
            [.. groups.Where(g => g.Role == role).Select(g => g.Group).Order(StringComparer.Ordinal)];
    }

    public static BoardView ViewOf(Board board, BoardRules rules, BoardViewer viewer) =>
        new(board.Id, board.Key, board.NameKo, board.NameEn, board.Kind, board.DepartmentCode, board.Description, rules,
            BoardAccess.CanPost(rules, viewer), BoardAccess.CanManage(rules, viewer));

    /// <summary>
    /// Posts the viewer may see, in SQL: live posts on boards they may read and in their audience; with <paramref name="liveOnly"/>
    /// false also their own and their managed boards' scheduled and expired posts.
    /// </summary>
    public static IQueryable<BoardPost> Visible(IBoardsDbContext db, BoardViewer viewer, DateTime nowUtc, bool liveOnly)
    {
        var posts = db.BoardPosts.Where(p => !p.IsDeleted);
        var live = posts.Where(p => p.PublishAt <= nowUtc && (p.ExpiresAt == null || p.ExpiresAt > nowUtc));
        if (viewer.IsAdministrator)
        {
            return liveOnly ? live : posts;
        }

        var groups = BoardAccess.GroupsOf(viewer).ToArray();
        var subject = viewer.SubjectId;
        var readable = live.Where(p =>
            (!db.BoardGroups.Any(g => g.BoardId == p.BoardId && g.Role == BoardGroupRole.Reader)
                || db.BoardGroups.Any(g => g.BoardId == p.BoardId && groups.Contains(g.Group)))
            && (!db.BoardPostAudiences.Any(a => a.PostId == p.Id)
                || db.BoardPostAudiences.Any(a => a.PostId == p.Id && groups.Contains(a.Group))
                || p.AuthorSubject == subject
                || db.BoardGroups.Any(g => g.BoardId == p.BoardId && g.Role == BoardGroupRole.Manager && groups.Contains(g.Group))));
        if (liveOnly)
        {
            return readable;
        }

        return posts.Where(p =>
            readable.Any(r => r.Id == p.Id)
            || p.AuthorSubject == subject
            || db.BoardGroups.Any(g => g.BoardId == p.BoardId && g.Role == BoardGroupRole.Manager && groups.Contains(g.Group)));
    }

    public static NoticeState StateOf(DateTime publishAt, DateTime? expiresAt, DateTime nowUtc) =>
        publishAt > nowUtc ? NoticeState.Scheduled : expiresAt is { } e && e <= nowUtc ? NoticeState.Expired : NoticeState.Live;

    public static string SearchTextOf(string title, string body)
    {
        var text = (title + "\n" + body).ToLowerInvariant();
        return text.Length <= BoardsModelBuilderExtensions.MaxSearchTextLength ? text : text[..BoardsModelBuilderExtensions.MaxSearchTextLength];
    }

    public static string[] Lines(string value) => value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
