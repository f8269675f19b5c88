using System.Text;

namespace GatewayPortal.Identity.Applications;

/// <summary>
/// Korean initial-consonant (초성) search: "ㅇㅅ" finds 인사관리 because its syllables start with ㅇ ㅅ ㄱ ㄹ.
/// </summary>
public static class HangulInitials
{
    private const char FirstSyllable = '\uAC00';
    private const char LastSyllable = '\uD7A3';
    private const int SyllablesPerInitial = 21 * 28;

    // The 19 leading consonants as Hangul compatibility jamo, in Unicode syllable order.
    private const string Initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    /// <summary>
    /// True when <paramref name="query"/> holds at least one character and, ignoring white space,
    /// only leading consonants (compatibility jamo such as ㄱ, ㅆ, ㅎ).
    /// </summary>
    public static bool IsInitialsQuery(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return false;
        }

        return query.All(c => char.IsWhiteSpace(c) || Initials.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>
    /// The text's initials with white space removed: each Hangul syllable becomes its leading consonant,
    /// every other character is kept (인사 관리(HR) → ㅇㅅㄱㄹ(HR)).
    /// </summary>
    public static string GetInitials(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= FirstSyllable and <= LastSyllable)
            {
                builder.Append(Initials[(c - FirstSyllable) / SyllablesPerInitial]);
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when <paramref name="query"/> is an initials query whose consonants occur contiguously in the
    /// initials of <paramref name="text"/> (white space ignored on both sides).
    /// </summary>
    public static bool Matches(string text, string query)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsInitialsQuery(query))
        {
            return false;
        }

        var consonants = string.Concat(query.Where(c => !char.IsWhiteSpace(c)));
        return GetInitials(text).Contains(consonants, StringComparison.Ordinal);
    }
}
