namespace GatewayPortal.Bench.SearchBench;

/// <summary>The fixed mix of 50 queries both engines run.</summary>
internal static class QueryMix
{
    public static readonly string[] Queries =
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
}
