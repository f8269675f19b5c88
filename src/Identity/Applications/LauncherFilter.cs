namespace GatewayPortal.Identity.Applications;

/// <summary>
/// The launcher's search and its ranking, used by the page and (through the page) by the live filter script:
/// initial consonants (ㅇㅅ → 인사관리) or a substring of the names, else of the descriptions.
/// </summary>
public static class LauncherFilter
{
    /// <summary>The longest filter the launcher reads; longer input is cut.</summary>
    public const int MaxLength = 100;

    /// <summary>True when the application matches <paramref name="filter"/> (everything matches an empty filter).</summary>
    public static bool Matches(PortalApplication application, string? filter) =>
        string.IsNullOrWhiteSpace(filter) || Rank(application, filter) is not null;

    /// <summary>
    /// How well the application matches, best first, or null when it does not match. A name that starts with the
    /// query (or whose initials start with the typed initials) beats a word inside the name that starts with it,
    /// which beats a match inside a word (사이버 교육센터 for ㅇㅅ), which beats a match in the description only.
    /// </summary>
    public static LauncherMatch? Rank(PortalApplication application, string? filter)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var query = filter.Trim();
        if (HangulInitials.IsInitialsQuery(query))
        {
            var consonants = string.Concat(query.Where(c => !char.IsWhiteSpace(c)));
            return InitialsRank(application.NameKo, consonants);
        }

        var name = Best(TextRank(application.NameKo, query), TextRank(application.NameEn, query));
        if (name is not null)
        {
            return name;
        }

        return application.DescriptionKo.Contains(query, StringComparison.OrdinalIgnoreCase)
            || application.DescriptionEn.Contains(query, StringComparison.OrdinalIgnoreCase)
            ? LauncherMatch.Description
            : null;
    }

    private static LauncherMatch? InitialsRank(string name, string consonants)
    {
        var initials = HangulInitials.GetInitials(name);
        if (initials.StartsWith(consonants, StringComparison.Ordinal))
        {
            return LauncherMatch.NameStart;
        }

        // The initials from each later word on: "파견·인사교류" has a word starting with ㅇㅅ.
        for (var i = 1; i < name.Length; i++)
        {
            if (IsWordStart(name, i) && HangulInitials.GetInitials(name[i..]).StartsWith(consonants, StringComparison.Ordinal))
            {
                return LauncherMatch.WordStart;
            }
        }

        return initials.Contains(consonants, StringComparison.Ordinal) ? LauncherMatch.InsideWord : null;
    }

    /// <summary>True when a word starts at <paramref name="index"/>: a letter or digit after anything else (space, ·, brackets).</summary>
    private static bool IsWordStart(string text, int index) =>
        char.IsLetterOrDigit(text[index]) && (index == 0 || !char.IsLetterOrDigit(text[index - 1]));

    private static LauncherMatch? TextRank(string name, string query)
    {
        var at = name.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        if (at == 0)
        {
            return LauncherMatch.NameStart;
        }

        // Any later occurrence that starts a word (after a space, a bracket or a middle dot) counts as a word start.
        for (; at >= 0; at = name.IndexOf(query, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!char.IsLetterOrDigit(name[at - 1]))
            {
                return LauncherMatch.WordStart;
            }
        }

        return LauncherMatch.InsideWord;
    }

    private static LauncherMatch? Best(LauncherMatch? a, LauncherMatch? b) =>
        a is null ? b : b is null ? a : (LauncherMatch)Math.Min((int)a, (int)b);
}
