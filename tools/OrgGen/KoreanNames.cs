namespace GatewayPortal.Tools.OrgGen;

/// <summary>Korean surnames (weighted by frequency) and given-name syllables, with romanisations.</summary>
internal static class KoreanNames
{
    private static readonly (string Hangul, string Roman, int Weight)[] Surnames =
    [
        ("김", "kim", 215), ("이", "lee", 147), ("박", "park", 84), ("최", "choi", 47), ("정", "jung", 44),
        ("강", "kang", 23), ("조", "cho", 21), ("윤", "yoon", 20), ("장", "jang", 20), ("임", "lim", 16),
        ("한", "han", 15), ("오", "oh", 15), ("서", "seo", 15), ("신", "shin", 14), ("권", "kwon", 14),
        ("황", "hwang", 14), ("안", "ahn", 13), ("송", "song", 13), ("류", "ryu", 12), ("전", "jeon", 11),
        ("홍", "hong", 11), ("고", "ko", 9), ("문", "moon", 9), ("양", "yang", 9), ("손", "son", 9),
        ("배", "bae", 8), ("백", "baek", 8), ("허", "heo", 6), ("유", "yoo", 6), ("남", "nam", 6),
        ("심", "shim", 5), ("노", "noh", 4), ("하", "ha", 4), ("곽", "kwak", 4), ("성", "sung", 4),
        ("차", "cha", 4), ("주", "joo", 4), ("우", "woo", 4), ("구", "koo", 4), ("민", "min", 3),
    ];

    private static readonly (string Hangul, string Roman)[] FirstSyllables =
    [
        ("민", "min"), ("서", "seo"), ("지", "ji"), ("하", "ha"), ("도", "do"), ("예", "ye"), ("수", "su"),
        ("현", "hyun"), ("준", "jun"), ("윤", "yun"), ("은", "eun"), ("정", "jung"), ("승", "seung"), ("유", "yu"),
        ("영", "young"), ("채", "chae"), ("태", "tae"), ("동", "dong"), ("성", "sung"), ("재", "jae"),
        ("상", "sang"), ("혜", "hye"), ("주", "ju"), ("소", "so"), ("다", "da"), ("시", "si"), ("건", "geon"),
        ("우", "woo"), ("진", "jin"), ("경", "kyung"),
    ];

    private static readonly (string Hangul, string Roman)[] SecondSyllables =
    [
        ("준", "jun"), ("우", "woo"), ("진", "jin"), ("호", "ho"), ("훈", "hoon"), ("수", "su"), ("민", "min"),
        ("연", "yeon"), ("윤", "yoon"), ("아", "a"), ("은", "eun"), ("현", "hyun"), ("영", "young"), ("희", "hee"),
        ("원", "won"), ("빈", "bin"), ("서", "seo"), ("율", "yul"), ("린", "rin"), ("인", "in"), ("혁", "hyuk"),
        ("석", "seok"), ("철", "chul"), ("미", "mi"), ("경", "kyung"), ("숙", "sook"), ("나", "na"), ("지", "ji"),
        ("환", "hwan"), ("규", "gyu"),
    ];

    private static readonly int TotalSurnameWeight = Surnames.Sum(s => s.Weight);

    /// <summary>Draws a name: Hangul surname and given name, and the ASCII uid stem (e.g. <c>kim.minsu</c>).</summary>
    public static (string Surname, string GivenName, string UidStem) Next(Random random)
    {
        var pick = random.Next(TotalSurnameWeight);
        var surname = Surnames[^1];
        foreach (var candidate in Surnames)
        {
            if (pick < candidate.Weight)
            {
                surname = candidate;
                break;
            }

            pick -= candidate.Weight;
        }

        var first = FirstSyllables[random.Next(FirstSyllables.Length)];
        var second = SecondSyllables[random.Next(SecondSyllables.Length)];
        return (surname.Hangul, first.Hangul + second.Hangul, surname.Roman + "." + first.Roman + second.Roman);
    }
}
