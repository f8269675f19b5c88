namespace GatewayPortal.Portal.Search;

/// <summary>
/// Strips common particles (조사) from the end of Hangul query words. The index matches a bare word inside 행정포털을,
/// but a query of 행정포털을 needs its 을 removed to match a bare 행정포털; the results page retries with this when nothing matched.
/// </summary>
public static class KoreanParticles
{
    // Longest first, so 에서 is removed before 서 could be considered.
    private static readonly string[] Particles = ["에서", "으로", "에게", "까지", "부터", "처럼", "보다", "을", "를", "의", "은", "는", "이", "가", "에", "로", "와", "과", "도", "만"];

    /// <summary>The query with one particle removed from each Hangul word of three or more syllables; null when nothing changed.</summary>
    public static string? Strip(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length < 3 || !word.All(IsHangulSyllable))
            {
                continue;
            }

            if (Particles.FirstOrDefault(p => word.EndsWith(p, StringComparison.Ordinal) && word.Length - p.Length >= 2) is { } particle)
            {
                words[i] = word[..^particle.Length];
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : null;
    }

    private static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
