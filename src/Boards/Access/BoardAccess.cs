namespace GatewayPortal.Boards.Access;

/// <summary>Who may read, post on and manage a board, and who may read or change a post.</summary>
public static class BoardAccess
{
    /// <summary>Lower-cases and trims a group name (group names compare without case).</summary>
    public static string NormaliseGroup(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Trim().ToLowerInvariant();
    }

    /// <summary>The viewer's groups, normalised.</summary>
    public static HashSet<string> GroupsOf(BoardViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Groups.Select(NormaliseGroup).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Administrators and members of a manager group.</summary>
    public static bool CanManage(BoardRules rules, BoardViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdministrator || Intersects(rules.Managers, GroupsOf(viewer));
    }

    /// <summary>Managers and members of a poster group.</summary>
    public static bool CanPost(BoardRules rules, BoardViewer viewer) =>
        CanManage(rules, viewer) || Intersects(rules.Posters, GroupsOf(viewer));

    /// <summary>Everyone when the board has no reader groups; otherwise members of one, posters and managers.</summary>
    public static bool CanRead(BoardRules rules, BoardViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Readers.Count == 0 || Intersects(rules.Readers, GroupsOf(viewer)) || CanPost(rules, viewer);
    }

    /// <summary>
    /// Whether the viewer may open a post: its author and the board's managers always; anyone else who may read the board
    /// while the post is published and not expired, and only when in its audience (if it has one).
    /// </summary>
    public static bool CanReadPost(BoardRules rules, BoardViewer viewer, PostVisibility post, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (CanChangePost(rules, viewer, post.AuthorSubject))
        {
            return true;
        }

        return CanRead(rules, viewer)
            && post.PublishAt <= nowUtc
            && (post.ExpiresAt is null || post.ExpiresAt > nowUtc)
            && (post.Audience.Count == 0 || Intersects(post.Audience, GroupsOf(viewer)));
    }

    /// <summary>The author (while still allowed to read the board) and the board's managers may edit or delete a post.</summary>
    public static bool CanChangePost(BoardRules rules, BoardViewer viewer, string authorSubject)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return CanManage(rules, viewer) || (string.Equals(viewer.SubjectId, authorSubject, StringComparison.Ordinal) && CanRead(rules, viewer));
    }

    private static bool Intersects(IReadOnlyList<string> groups, HashSet<string> mine) => groups.Any(mine.Contains);
}
