using System.Globalization;

namespace GatewayPortal.Identity.OrgChart;

/// <summary>The order of a department's members: heads first by position (직위), then by grade (직급), then by name.</summary>
internal sealed class OrgMemberOrder : IComparer<OrgPerson>
{
    public static readonly OrgMemberOrder Instance = new();

    private static readonly string[] HeadTitles = ["시장", "부시장", "실장", "본부장", "위원장", "국장", "구청장", "과장", "담당관", "팀장"];

    public int Compare(OrgPerson? x, OrgPerson? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTitle = TitleRank(x.Title).CompareTo(TitleRank(y.Title));
        if (byTitle != 0)
        {
            return byTitle;
        }

        var byGrade = GradeRank(x.Grade).CompareTo(GradeRank(y.Grade));
        if (byGrade != 0)
        {
            return byGrade;
        }

        // Hangul syllables are in 가나다 order in Unicode.
        var byName = string.CompareOrdinal(x.DisplayName, y.DisplayName);
        return byName != 0 ? byName : string.CompareOrdinal(x.Username, y.Username);
    }

    private static int TitleRank(string? title)
    {
        var index = title is null ? -1 : Array.IndexOf(HeadTitles, title);
        return index < 0 ? HeadTitles.Length : index;
    }

    // "지방행정주사(6급)" → 6; grades without a number sort after numbered ones.
    internal static int GradeRank(string? grade)
    {
        if (grade is null)
        {
            return 100;
        }

        var end = grade.IndexOf('급', StringComparison.Ordinal);
        var start = end;
        while (start > 0 && char.IsAsciiDigit(grade[start - 1]))
        {
            start--;
        }

        return end > start && int.TryParse(grade.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) ? rank : 99;
    }
}
