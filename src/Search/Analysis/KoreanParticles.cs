namespace GatewayPortal.Search.Analysis;

/// <summary>
/// Common particles (조사) at the end of a Hangul query word. The index already matches a bare word inside 행정포털을
/// (bigrams), but a query of 행정포털을 has to drop its 을 to match a bare 행정포털.
/// </summary>
internal static class KoreanParticles
{
    /// <summary>Syllables a stem must keep, so 나이 or 회의 (이, 의 belong to the word) stay whole.</summary>
    public const int MinStemLength = 2;

    // Longest first, so 에서 is removed before 서 could be considered.
    private static readonly string[] Particles =
        ["에서", "으로", "에게", "까지", "부터", "처럼", "보다", "을", "를", "의", "은", "는", "이", "가", "에", "로", "와", "과", "도", "만"];

    /// <summary>The word without one trailing particle, or null when it is not all Hangul or too short to have one.</summary>
    public static string? StripParticle(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= MinStemLength || !ScriptTokenizer.IsHangulSyllables(word))
        {
            return null;
        }

        foreach (var particle in Particles)
        {
            if (word.Length - particle.Length >= MinStemLength && word.EndsWith(particle, StringComparison.Ordinal))
            {
                return word[..^particle.Length];
            }
        }

        return null;
    }
}
