using System.Globalization;
using GatewayPortal.Boards.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Wiki.Rendering;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Builds search documents from live notices (published, not expired, not deleted). Who may find one: its audience groups
/// when it has any (they lie within the board's readers), else the board's reader, poster and manager groups, else everyone;
/// its author always.
/// </summary>
internal static class NoticeSearchDocuments
{
    /// <summary>The document id of a post.</summary>
    public static string IdOf(long postId) => "notice:" + KeyOf(postId);

    /// <summary>The change feed's key of a post.</summary>
    public static string KeyOf(long postId) => postId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Documents of the live posts with ids after <paramref name="afterId"/> (at most <paramref name="take"/>), or of one post.</summary>
    public static async Task<List<(long PostId, SearchDocument Document)>> LoadAsync(
        IBoardsDbContext db, long afterId, int take, long? onlyPostId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var query = db.BoardPosts.AsNoTracking().Where(p => !p.IsDeleted && p.PublishAt <= nowUtc && (p.ExpiresAt == null || p.ExpiresAt > nowUtc));
        query = onlyPostId is { } id ? query.Where(p => p.Id == id) : query.Where(p => p.Id > afterId);
        var posts = await query.OrderBy(p => p.Id).Take(take)
            .Join(db.Boards, p => p.BoardId, b => b.Id, (p, b) => new { Post = p, b.Key, b.NameKo, b.NameEn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (posts.Count == 0)
        {
            return [];
        }

        var postIds = posts.Select(p => p.Post.Id).ToArray();
        var boardIds = posts.Select(p => p.Post.BoardId).Distinct().ToArray();
        var audiences = (await db.BoardPostAudiences.AsNoTracking().Where(a => postIds.Contains(a.PostId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.PostId, a => a.Group);
        var boardGroups = (await db.BoardGroups.AsNoTracking().Where(g => boardIds.Contains(g.BoardId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(g => g.BoardId);
        return [.. posts.Select(p =>
        {
            var groups = boardGroups[p.Post.BoardId].ToList();
            var readers = audiences[p.Post.Id].Any() ? audiences[p.Post.Id]
                : groups.Any(g => g.Role == BoardGroupRole.Reader) ? groups.Select(g => g.Group)
                : Enumerable.Empty<string>();
            var principals = new HashSet<string>(SearchPrincipals.ForGroups(readers), StringComparer.Ordinal);
            if (!principals.Contains(SearchPrincipals.Everyone))
            {
                principals.Add(SearchPrincipals.User(p.Post.AuthorSubject));
                principals.UnionWith(groups.Where(g => g.Role == BoardGroupRole.Manager).Select(g => SearchPrincipals.Group(g.Group)));
            }

            return (p.Post.Id, new SearchDocument
            {
                Id = IdOf(p.Post.Id),
                Source = SearchSources.Notice,
                Title = p.Post.Title,
                Body = WikiPlainText.Convert(p.Post.Body).Text,
                Url = "/notices/" + Uri.EscapeDataString(p.Key) + "/" + KeyOf(p.Post.Id),
                // The board's name: the result already says it is a notice, in the page's language.
                Breadcrumb = p.NameKo,
                Date = new DateTimeOffset(p.Post.PublishAt, TimeSpan.Zero),
                Language = "ko",
                AllowedPrincipals = principals,
                Translations = string.IsNullOrWhiteSpace(p.NameEn)
                    ? new Dictionary<string, SearchTranslation>(StringComparer.Ordinal)
                    : new Dictionary<string, SearchTranslation>(StringComparer.Ordinal) { ["en"] = new(null, null, p.NameEn) },
            });
        })];
    }
}
