namespace GatewayPortal.Bench.SearchBench;

/// <summary>
/// The realistic corpus's ~40,000 words, ranked: function words first, then the real administrative head words (Korean
/// and English), then a deterministic shuffle of generated but plausible names — districts and neighbourhoods,
/// departments, systems, projects, compounds, people — and English product terms and acronyms.
/// </summary>
internal static class RealisticVocabulary
{
    /// <summary>Words so common that a title never uses them.</summary>
    public static readonly string[] FunctionWords =
    [
        "및", "등", "수", "있습니다", "합니다", "위해", "대한", "관련", "경우", "따라", "통해", "또는", "그리고", "이번", "올해",
        "현재", "내용", "다음", "해당", "각", "모든", "주요", "기타", "함께", "새로운", "더", "위한", "있는", "없는", "된",
    ];

    public static readonly string[] Districts =
    [
        "종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구", "서대문구",
        "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구",
    ];

    private static readonly string[] Neighbourhoods =
    [
        "역삼동", "삼성동", "대치동", "청담동", "논현동", "신사동", "압구정동", "서교동", "합정동", "망원동", "연남동", "상암동", "공덕동",
        "도화동", "아현동", "신촌동", "이태원동", "한남동", "명동", "회현동", "을지로동", "혜화동", "사직동", "삼청동", "가회동",
        "잠실동", "방이동", "오금동", "가락동", "문정동", "목동", "신정동", "신월동", "화곡동", "등촌동", "발산동", "구로동", "가리봉동",
    ];

    private static readonly string[] PlaceSyllables =
    [
        "신", "대", "상", "중", "하", "동", "서", "남", "북", "청", "송", "월", "성", "수", "평", "화", "문", "도", "정", "원",
        "장", "금", "은", "양", "천", "산", "석", "암", "봉", "계",
    ];

    private static readonly string[] DepartmentStems =
    [
        "주차관리", "도시계획", "교통행정", "복지정책", "청소행정", "세무", "재산세", "민원여권", "건축", "공원녹지", "보건위생",
        "일자리정책", "문화체육", "기획예산", "감사", "정보통신", "총무", "자치행정", "가정복지", "환경", "치수", "도로", "주택",
        "토지관리", "부동산정보", "평생교육", "교육지원", "여성가족", "아동청소년", "어르신복지", "장애인복지", "생활보장", "보육지원",
        "지역경제", "소상공인", "공공일자리", "안전총괄", "재난안전", "홍보", "언론",
    ];

    private static readonly string[] DepartmentSuffixes = ["과", "팀", "센터", "지원단"];
    private static readonly string[] SystemSuffixes = ["시스템", "정보시스템", "관리시스템", "포털", "플랫폼"];
    private static readonly string[] ProjectSuffixes = ["사업", "계획", "조성사업", "개선사업", "지원사업"];
    private static readonly string[] LatinOnsets = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cl", "tr"];
    private static readonly string[] LatinVowels = ["a", "e", "i", "o", "u", "io", "ea"];
    private static readonly string[] LatinEndings = ["", "", "x", "n", "r", "s", "ware", "net", "ops", "hub", "desk", "link"];

    /// <summary>Every word, most frequent first.</summary>
    public static IReadOnlyList<string> Ranked { get; } = Build();

    /// <summary>The index in <see cref="Ranked"/> where content words start.</summary>
    public static int ContentFrom => FunctionWords.Length;

    private static List<string> Build()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ranked = new List<string>();
        void Add(List<string> target, string word)
        {
            if (seen.Add(word))
            {
                target.Add(word);
            }
        }

        foreach (var word in FunctionWords)
        {
            Add(ranked, word);
        }

        // Head: the real administrative words, three Korean to one English.
        for (int k = 0, e = 0; k < Vocabulary.Korean.Length || e < Vocabulary.English.Length;)
        {
            for (var n = 0; n < 3 && k < Vocabulary.Korean.Length; n++)
            {
                Add(ranked, Vocabulary.Korean[k++]);
            }

            if (e < Vocabulary.English.Length)
            {
                Add(ranked, Vocabulary.English[e++]);
            }
        }

        var tail = new List<string>();
        var rng = new Random(20261129);
        foreach (var word in Districts.Concat(Neighbourhoods))
        {
            Add(tail, word);
        }

        foreach (var a in PlaceSyllables)
        {
            foreach (var b in PlaceSyllables)
            {
                Add(tail, a + b + "동");
            }
        }

        foreach (var stem in DepartmentStems)
        {
            foreach (var suffix in DepartmentSuffixes)
            {
                Add(tail, stem + suffix);
            }
        }

        foreach (var head in Vocabulary.Korean)
        {
            foreach (var suffix in SystemSuffixes)
            {
                Add(tail, head + suffix);
            }
        }

        for (var i = 0; i < 12_000; i++)
        {
            Add(tail, Pair(rng) + ProjectSuffixes[rng.Next(ProjectSuffixes.Length)]);
        }

        for (var i = 0; i < 15_000; i++)
        {
            Add(tail, Pair(rng));
        }

        foreach (var surname in Vocabulary.Surnames)
        {
            foreach (var first in Vocabulary.GivenSyllables)
            {
                foreach (var second in Vocabulary.GivenSyllables)
                {
                    Add(tail, surname + first + second);
                }
            }
        }

        for (var i = 0; i < 4_000; i++)
        {
            Add(tail, LatinWord(rng));
        }

        for (var i = 0; i < 500; i++)
        {
            Add(tail, string.Concat(Enumerable.Range(0, 3).Select(_ => (char)('A' + rng.Next(26)))));
        }

        // Fisher–Yates with a fixed seed: tail ranks are arbitrary but the same on every run.
        for (var i = tail.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (tail[i], tail[j]) = (tail[j], tail[i]);
        }

        ranked.AddRange(tail);
        return ranked;
    }

    private static string Pair(Random rng) =>
        Vocabulary.Korean[rng.Next(Vocabulary.Korean.Length)] + Vocabulary.Korean[rng.Next(Vocabulary.Korean.Length)];

    private static string LatinWord(Random rng)
    {
        var syllables = rng.Next(2, 4);
        var word = string.Concat(Enumerable.Range(0, syllables).Select(_ => LatinOnsets[rng.Next(LatinOnsets.Length)] + LatinVowels[rng.Next(LatinVowels.Length)]));
        return word + LatinEndings[rng.Next(LatinEndings.Length)];
    }
}
