namespace GatewayPortal.Tools.OrgGen;

/// <summary>The city hall's fixed shape: headquarters divisions and districts with their departments.</summary>
internal static class OrgCatalog
{
    public static readonly (string Name, string[] Departments)[] Divisions =
    [
        ("기획조정실", ["기획과", "조직관리과", "법무과", "평가과"]),
        ("행정국", ["총무과", "인사과", "자치행정과", "민원과"]),
        ("재무국", ["예산과", "재무과", "세제과", "회계과"]),
        ("디지털정책국", ["디지털정책과", "정보시스템과", "정보보안과", "공간정보과"]),
        ("도시계획국", ["도시계획과", "도시관리과", "시설계획과"]),
        ("복지정책실", ["복지정책과", "노인복지과", "장애인복지과", "아동청소년과"]),
        ("환경국", ["환경정책과", "기후대기과", "자원순환과"]),
        ("교통실", ["교통정책과", "대중교통과", "보행자전거과", "주차계획과"]),
        ("안전총괄실", ["안전총괄과", "재난관리과", "시설안전과"]),
        ("경제정책실", ["경제정책과", "일자리정책과", "소상공인정책과"]),
        ("문화본부", ["문화정책과", "관광정책과", "체육진흥과"]),
        ("감사위원회", ["감사과", "조사과"]),
    ];

    public static readonly (string Name, string Code)[] Districts =
    [
        ("종로구", "jongno"), ("중구", "junggu"), ("용산구", "yongsan"), ("성동구", "seongdong"), ("광진구", "gwangjin"),
        ("동대문구", "dongdaemun"), ("중랑구", "jungnang"), ("성북구", "seongbuk"), ("강북구", "gangbuk"), ("도봉구", "dobong"),
        ("노원구", "nowon"), ("은평구", "eunpyeong"), ("서대문구", "seodaemun"), ("마포구", "mapo"), ("양천구", "yangcheon"),
        ("강서구", "gangseo"), ("구로구", "guro"), ("금천구", "geumcheon"), ("영등포구", "yeongdeungpo"), ("동작구", "dongjak"),
        ("관악구", "gwanak"), ("서초구", "seocho"), ("강남구", "gangnam"), ("송파구", "songpa"), ("강동구", "gangdong"),
    ];

    /// <summary>District departments; the first one (총무과) exists in every district.</summary>
    public static readonly string[] DistrictDepartments =
    [
        "총무과", "기획예산과", "재무과", "세무과", "민원여권과", "복지정책과", "주민생활과",
        "건설관리과", "도시계획과", "환경과", "교통행정과", "감사담당관", "일자리경제과", "문화체육과",
    ];

    public static readonly string[] TeamSuffixes = ["총괄팀", "기획팀", "운영팀", "지원팀", "관리팀"];

    /// <summary>Ordinary staff grades (직급) with weights.</summary>
    public static readonly (string Grade, int Weight)[] StaffGrades =
    [
        ("지방행정주사(6급)", 30), ("지방행정주사보(7급)", 30), ("지방행정서기(8급)", 15), ("지방행정서기보(9급)", 8),
        ("지방전산주사(6급)", 4), ("지방전산주사보(7급)", 4), ("지방시설주사(6급)", 3), ("지방공업주사보(7급)", 3),
        ("지방세무주사보(7급)", 3),
    ];

    public const string TeamLeaderGrade = "지방행정사무관(5급)";
    public const string DepartmentHeadGrade = "지방서기관(4급)";
    public const string DivisionHeadGrade = "지방부이사관(3급)";

    /// <summary>The head's title (직위) of a division by its name's ending.</summary>
    public static string DivisionHeadTitle(string division) =>
        division.EndsWith('실') ? "실장" : division.EndsWith("본부", StringComparison.Ordinal) ? "본부장" : division.EndsWith("위원회", StringComparison.Ordinal) ? "위원장" : "국장";

    /// <summary>The stem of a department's name used for its teams: 예산과 → 예산.</summary>
    public static string Stem(string department) =>
        department.EndsWith("담당관", StringComparison.Ordinal) ? department[..^3] : department.EndsWith('과') ? department[..^1] : department;
}
