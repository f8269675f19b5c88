namespace GatewayPortal.Bench.SearchBench;

/// <summary>Korean administrative and English office vocabulary for the synthetic corpus.</summary>
internal static class Vocabulary
{
    public static readonly string[] Korean =
    [
        "민원", "행정", "포털", "행정포털", "신청", "안내", "처리", "발급", "증명서", "주민등록", "등본", "초본", "가족관계", "인감", "여권",
        "복지", "기초생활", "수급자", "장애인", "노인", "아동", "보육", "어린이집", "청소년", "일자리", "고용", "창업", "지원금",
        "예산", "회계", "결산", "감사", "계약", "입찰", "공고", "조달", "구매", "물품", "용역", "공사", "설계", "검수",
        "인사", "발령", "승진", "채용", "교육", "연수", "복무", "휴가", "출장", "급여", "수당", "연금", "평가", "성과",
        "도로", "교통", "주차", "버스", "지하철", "택시", "자전거", "보행", "신호", "단속", "과태료", "견인", "통행",
        "환경", "청소", "폐기물", "재활용", "대기", "수질", "소음", "녹지", "공원", "하천", "상수도", "하수도",
        "재난", "안전", "소방", "방재", "홍수", "태풍", "지진", "대피", "비상", "훈련", "점검", "시설물",
        "보건", "위생", "의료", "감염병", "예방접종", "건강검진", "보건소", "식품", "음식점", "영업", "허가", "신고",
        "세무", "지방세", "재산세", "자동차세", "취득세", "납부", "체납", "환급", "감면", "부과", "고지서",
        "건축", "허가", "착공", "준공", "용도", "변경", "토지", "지적", "측량", "개발", "도시계획", "재개발", "재건축",
        "정보공개", "개인정보", "보호", "보안", "전자결재", "문서", "기록물", "보존", "폐기", "시스템", "전산", "서버",
        "네트워크", "홈페이지", "게시판", "공지사항", "자료실", "회의록", "보고서", "계획", "현황", "통계", "지침",
        "매뉴얼", "규정", "조례", "시행규칙", "법령", "질의", "회신", "협조", "요청", "결과", "검토", "승인", "반려",
        "구청", "시청", "동주민센터", "주민센터", "의회", "위원회", "부서", "총무과", "기획예산과", "인사과", "재무과",
        "문화", "관광", "축제", "체육", "도서관", "평생학습", "박물관", "공연", "행사", "홍보", "언론", "보도자료",
        "주택", "임대", "공공임대", "전세", "월세", "관리비", "아파트", "경로당", "마을", "공동체", "자원봉사", "기부",
        "상담", "접수", "방문", "온라인", "모바일", "앱", "서비스", "이용", "방법", "절차", "기간", "대상", "기준",
    ];

    public static readonly string[] Particles = ["을", "를", "이", "가", "의", "에", "에서", "으로", "로", "과", "와", "은", "는", "도", "만"];

    public static readonly string[] English =
    [
        "system", "systems", "GIS", "portal", "service", "services", "request", "requests", "approval", "budget", "report", "reports",
        "policy", "policies", "guide", "manual", "training", "schedule", "meeting", "minutes", "account", "accounts", "payment",
        "payroll", "personnel", "employee", "employees", "staff", "directory", "contact", "office", "department", "division",
        "network", "server", "servers", "security", "password", "login", "access", "permission", "permissions", "document",
        "documents", "archive", "record", "records", "data", "database", "backup", "recovery", "incident", "response",
        "traffic", "parking", "transport", "welfare", "health", "safety", "emergency", "environment", "waste", "recycling",
        "housing", "tax", "taxes", "permit", "permits", "license", "building", "construction", "planning", "survey",
        "citizen", "citizens", "complaint", "complaints", "notice", "announcement", "update", "updates", "release", "version",
        "mobile", "online", "application", "applications", "form", "forms", "deadline", "status", "review", "audit",
        "contract", "contracts", "procurement", "vendor", "invoice", "statistics", "annual", "monthly", "quarterly",
    ];

    public static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"];

    public static readonly string[] GivenSyllables = ["민", "서", "지", "현", "수", "영", "준", "우", "하", "윤", "은", "도", "예", "진", "성", "혜", "경", "태"];

    public static readonly string[] Hosts =
    [
        .. new[] { "www", "intra", "news", "welfare", "traffic", "env", "culture", "tax", "health", "safety" }
            .SelectMany(prefix => new[] { "seoul.go.kr", "jongno.go.kr", "gangnam.go.kr", "mapo.go.kr", "songpa.go.kr" }
                .Select(domain => $"{prefix}.{domain}")),
    ];
}
