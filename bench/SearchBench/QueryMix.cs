namespace GatewayPortal.Bench.SearchBench;

/// <summary>The fixed query mixes; both engines run the same strings.</summary>
internal static class QueryMix
{
    /// <summary>The 50 queries of the narrow corpus (unchanged, so results compare with earlier runs).</summary>
    public static readonly string[] Narrow =
    [
        // Korean, one word
        "민원", "행정포털", "주민등록", "예산", "재산세", "어린이집", "전자결재", "감염병", "재건축", "보도자료",
        "과태료", "폐기물", "기록물", "공공임대", "자원봉사",
        // Korean, two and three words
        "민원 신청", "예산 결산", "주차 단속", "건축 허가", "인사 발령", "복지 지원금", "교통 안전 점검",
        "개인정보 보호 지침", "지방세 납부 안내", "재난 대비 훈련", "도서관 이용 방법", "공사 계약 입찰",
        // English
        "system", "payroll", "security policy", "annual report", "parking permits", "recycling", "database backup",
        "employees training",
        // Phrases
        "\"민원 신청\"", "\"전자결재 시스템\"", "\"개인정보 보호\"", "\"annual report\"", "\"건축 허가 신청\"",
        // site:
        "공지사항 site:seoul.go.kr", "축제 site:culture.mapo.go.kr", "보건소 site:health.songpa.go.kr",
        "행사 site:www.jongno.go.kr",
        // Exclusion
        "예산 -결산", "교통 -버스", "복지 -\"기초생활 수급자\"", "system -server", "민원 처리 -반려",
        // Mixed script
        "GIS 시스템",
    ];

    /// <summary>
    /// 50 queries for the realistic corpus: broad head words (in 5–20% of documents), mid-frequency words, specific
    /// names from the tail (departments, systems, districts, people, generated terms at fixed ranks), words with a
    /// particle attached, a compound typed without its space, several words, phrases, <c>site:</c> and exclusions.
    /// </summary>
    public static readonly string[] Realistic =
    [
        // Broad: frequent head words
        "민원", "신청", "안내", "예산", "복지", "system",
        // Mid-frequency head words
        "재산세", "어린이집", "감염병", "보도자료", "과태료", "폐기물", "기록물", "공공임대", "자원봉사", "행정포털",
        // Specific: names from the tail
        "주차관리과", "전자결재시스템", "마포구", "역삼동", "김민수", "도시계획팀",
        TailWord(1_000), TailWord(5_000), TailWord(20_000), TailWord(35_000),
        // A particle attached; a compound typed without its space
        "행정포털을", "예산의", "주차관리과에서", "민원신청",
        // Several words
        "민원 신청", "예산 결산", "주차 단속", "건축 허가", "교통 안전 점검", "지방세 납부 안내", "마포구 주차관리과",
        // English
        "security policy", "annual report", "database backup",
        // Phrases
        "\"민원 신청\"", "\"개인정보 보호\"", "\"annual report\"",
        // site:
        "공지사항 site:seoul.go.kr", "축제 site:culture.mapo.go.kr", "보건소 site:health.songpa.go.kr",
        // Exclusion
        "예산 -결산", "system -server", "민원 처리 -반려",
        // Mixed script
        "GIS 시스템",
    ];

    /// <summary>The word at a fixed rank of the realistic vocabulary (0-based), so the mix holds rare words too.</summary>
    private static string TailWord(int rank) => RealisticVocabulary.Ranked[rank];
}
